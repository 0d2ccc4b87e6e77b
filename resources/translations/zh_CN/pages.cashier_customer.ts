<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="46"/>
        <source>Phone, name or pinyin initials  F5</source>
        <translation>查找客户：手机号、姓名或拼音首字母  F5</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="50"/>
        <source>+ New customer</source>
        <translation>+ 新客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="65"/>
        <source>⚠ Allergies on file: ask the customer before the service</source>
        <translation>⚠ 该客户有过敏史：服务前请先询问确认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="71"/>
        <source>Walk-in  F6</source>
        <translation>散客  F6</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="95"/>
        <source>Customer: walk-in</source>
        <translation>客户：散客</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="98"/>
        <source>Customer: {name} · {phone}</source>
        <translation>客户：{name} · {phone}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="153"/>
        <source>No customer found: press “+ New customer” to add</source>
        <translation>未找到客户，可点击“+ 新客户”添加</translation>
    </message>
</context>
</TS>
