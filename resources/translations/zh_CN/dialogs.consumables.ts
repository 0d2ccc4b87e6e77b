<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsumablesEditor</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/consumables.py" line="56"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/consumables.py" line="58"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ConsumablesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/consumables.py" line="29"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/consumables.py" line="30"/>
        <source>Uses</source>
        <translation>用量</translation>
    </message>
</context>
</TS>
