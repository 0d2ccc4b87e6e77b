<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="34"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="35"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="36"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="37"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="38"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="48"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/customers.py" line="48"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
</context>
</TS>
