<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookingsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="100" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="113" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="114" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="116" />
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="117" />
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="121" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="122" />
        <source>Active (not cancelled)</source>
        <translation>有效（未取消）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="123" />
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="128" />
        <source>New booking</source>
        <translation>新预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="130" />
        <source>Rotation</source>
        <translation>轮钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="241" />
        <source>No room</source>
        <translation>无房间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="273" />
        <source>All rooms</source>
        <translation>全部房间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="273" />
        <source>All technicians</source>
        <translation>全部技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/bookings.py" line="293" />
        <source>{weekday} {month}/{day}</source>
        <translation>{month}月{day}日 {weekday}</translation>
    </message>
</context>
</TS>
