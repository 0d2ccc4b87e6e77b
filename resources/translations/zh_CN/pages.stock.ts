<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="75"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="76"/>
        <source>Expiring</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="77"/>
        <source>Low stock and order</source>
        <translation>库存不足与订货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="81"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="82"/>
        <source>Purchase orders</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="83"/>
        <source>Transfers</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="88"/>
        <source>Receive goods…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="90"/>
        <source>Write off…</source>
        <translation>报损…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="92"/>
        <source>Set minimum…</source>
        <translation>设置最低库存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="103"/>
        <source>Only the front desk, a manager or the owner can open this page.</source>
        <translation>只有前台、店长或老板可以打开此页面。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="121"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="241"/>
        <source>Guangzhou Meiyuan Trading</source>
        <translation>广州美源贸易</translation>
    </message>
</context>
</TS>
