<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="41" />
        <source>Salon POS — {store}</source>
        <translation>美业收银 — {store}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="61" />
        <source>Cashier</source>
        <translation>收银</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="62" />
        <source>Diary</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="63" />
        <source>Tickets</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="64" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="65" />
        <source>Comm.</source>
        <translation>提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="66" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="67" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="68" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="69" />
        <source>Catalog</source>
        <translation>价目表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="70" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="71" />
        <source>Cards</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="72" />
        <source>Stats</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="73" />
        <source>Close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="99" />
        <source>Clock in / out</source>
        <translation>考勤打卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="104" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/main_window.py" line="206" />
        <source>{count} open conflicts</source>
        <translation>{count} 条待处理的冲突</translation>
    </message>
</context>
</TS>
