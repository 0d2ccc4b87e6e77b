<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RotatingEditor</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="120" />
        <source>Early</source>
        <translation>早班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="120" />
        <source>Late</source>
        <translation>晚班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="120" />
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="121" />
        <source>Shift {n}</source>
        <translation>班次 {n}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="124" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="124" />
        <source>Hours</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="125" />
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="125" />
        <source>Second break</source>
        <translation>第二次休息</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="142" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="143" />
        <source>Clear (all days off)</source>
        <translation>清空（全部休息）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="171" />
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="179" />
        <source>Day 1 of the cycle</source>
        <translation>周期第 1 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="182" />
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
</context>
<context>
    <name>WeeklyEditor</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="70" />
        <source>Copy Monday to weekdays</source>
        <translation>将周一复制到周二至周五</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="72" />
        <source>Clear (all days off)</source>
        <translation>清空（全部休息）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="85" />
        <source>On</source>
        <translation>上班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="86" />
        <source>Hours</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="87" />
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_patterns.py" line="88" />
        <source>Second break</source>
        <translation>第二次休息</translation>
    </message>
</context>
</TS>
