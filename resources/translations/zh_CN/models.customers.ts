<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="51"/>
        <source>Allergies</source>
        <translation>有过敏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="57"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="58"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="59"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="60"/>
        <source>Standing</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="61"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="71"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="71"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
</context>
</TS>
