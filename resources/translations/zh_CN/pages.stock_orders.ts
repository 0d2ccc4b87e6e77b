<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PurchasingTab</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="41" />
        <source>Suppliers…</source>
        <translation>供应商…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="42" />
        <source>New order…</source>
        <translation>新建采购单…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="43" />
        <source>Order what is low</source>
        <translation>按库存不足生成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="44" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="45" />
        <source>Place order</source>
        <translation>下单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="46" />
        <source>Cancel order</source>
        <translation>取消采购单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="47" />
        <source>Receive against order…</source>
        <translation>到货入库…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_orders.py" line="157" />
        <source>Nothing is low.</source>
        <translation>没有库存不足的商品。</translation>
    </message>
</context>
</TS>
