<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="31" />
        <source>Salon POS — {store}</source>
        <translation>美业收银 — {store}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="49" />
        <source>Cashier</source>
        <translation>收银</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="50" />
        <source>Tickets</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="51" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="52" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="73" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
</context>
</TS>