<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="71" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="72" />
        <source>Expiring</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="73" />
        <source>Low stock and order</source>
        <translation>库存不足与订货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="77" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="78" />
        <source>Purchase orders</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="79" />
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="84" />
        <source>Receive goods…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="86" />
        <source>Write off…</source>
        <translation>报损…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="88" />
        <source>Set minimum…</source>
        <translation>设置最低库存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="96" />
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="211" />
        <source>Guangzhou Meiyuan Trading</source>
        <translation>广州美源贸易</translation>
    </message>
</context>
</TS>
