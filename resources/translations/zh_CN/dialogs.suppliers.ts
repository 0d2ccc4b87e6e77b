<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SuppliersDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="44"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="58"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="61"/>
        <source>New supplier</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="63"/>
        <source>Save supplier</source>
        <translation>保存供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="73"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="74"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="75"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="136"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SuppliersModel</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="34"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="35"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="36"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="36"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/suppliers.py" line="36"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>
