<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="51" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="52" />
        <source>Expiring</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="53" />
        <source>Low stock and order</source>
        <translation>库存不足与订货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="57" />
        <source>Receive goods…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="59" />
        <source>Write off…</source>
        <translation>报损…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="61" />
        <source>Set minimum…</source>
        <translation>设置最低库存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="69" />
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock.py" line="169" />
        <source>Guangzhou Meiyuan Trading</source>
        <translation>广州美源贸易</translation>
    </message>
</context>
</TS>
