<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="91" />
        <source>Requested</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="92" />
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="93" />
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="94" />
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="95" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="96" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="97" />
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="102" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="103" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="104" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="105" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="106" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="107" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="108" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="121" />
        <source>Clash</source>
        <translation>时间冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="122" />
        <source>By name</source>
        <translation>点钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/calendar_view.py" line="123" />
        <source>Off shift</source>
        <translation>非上班时间</translation>
    </message>
</context>
</TS>
