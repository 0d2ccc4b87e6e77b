<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="65"/>
        <source>Search by phone, name or pinyin initials</source>
        <translation>按手机号、姓名或拼音首字母搜索</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="68"/>
        <source>New customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="70"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="72"/>
        <source>Member account</source>
        <translation>会员账户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="75"/>
        <source>Patch tests</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="105"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="143"/>
        <source>The {count} most recent customers</source>
        <translation>最近添加的 {count} 位客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="145"/>
        <source>{count} found</source>
        <translation>找到 {count} 位客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="147"/>
        <source>No customer matches “{text}”: add one with New customer.</source>
        <translation>没有找到与“{text}”相符的客户，可点击“新增客户”添加。</translation>
    </message>
</context>
</TS>
