<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MinimumDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_minimum.py" line="20" />
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_minimum.py" line="26" />
        <source>No alert</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_minimum.py" line="29" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_minimum.py" line="30" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_minimum.py" line="31" />
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
</context>
</TS>
