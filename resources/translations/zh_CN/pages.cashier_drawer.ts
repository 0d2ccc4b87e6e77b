<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrawerBar</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_drawer.py" line="27" />
        <source>Open drawer</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_drawer.py" line="28" />
        <source>Cash in/out</source>
        <translation>存取现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_drawer.py" line="29" />
        <source>Close drawer</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_drawer.py" line="53" />
        <source>Drawer: not open</source>
        <translation>钱箱：未开班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_drawer.py" line="56" />
        <source>Drawer open since {time} by {name}</source>
        <translation>钱箱：{time} 由 {name} 开班</translation>
    </message>
</context>
</TS>
