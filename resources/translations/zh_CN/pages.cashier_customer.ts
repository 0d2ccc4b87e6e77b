<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="34"/>
        <source>Phone, name or pinyin initials  F5</source>
        <translation>查找客户：手机号、姓名或拼音首字母  F5</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="38"/>
        <source>+ New customer</source>
        <translation>+ 新客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="49"/>
        <source>Walk-in  F6</source>
        <translation>散客  F6</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="69"/>
        <source>Customer: walk-in</source>
        <translation>客户：散客</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="72"/>
        <source>Customer: {name} · {phone}</source>
        <translation>客户：{name} · {phone}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_customer.py" line="108"/>
        <source>No customer found: press “+ New customer” to add</source>
        <translation>未找到客户，可点击“+ 新客户”添加</translation>
    </message>
</context>
</TS>
