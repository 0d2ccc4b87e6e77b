<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookingsSidePanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="30" />
        <source>In service / running late</source>
        <translation>服务中 / 超时</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="37" />
        <source>Rotation (next first)</source>
        <translation>轮钟（下一位在前）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="52" />
        <source>Nobody on shift now</source>
        <translation>现在没有在班技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="56" />
        <source>{name}  ← next</source>
        <translation>{name}  ← 下一位</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="69" />
        <source>Nothing running late</source>
        <translation>没有超时</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="81" />
        <source>{minutes} min over</source>
        <translation>超时 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="83" />
        <source>not arrived, {minutes} min late</source>
        <translation>未到店，迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings_side.py" line="85" />
        <source>in service</source>
        <translation>服务中</translation>
    </message>
</context>
</TS>
