<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="45" />
        <source>Schedule: {name}</source>
        <translation>排班：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="50" />
        <source>Weekly (the same hours each week)</source>
        <translation>每周固定</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="52" />
        <source>Rotating (a cycle of days)</source>
        <translation>轮班（按周期循环）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="78" />
        <source>No schedule yet: not offered for bookings until saved.</source>
        <translation>尚未排班：保存前不会被安排预约。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="82" />
        <source>The next 14 days</source>
        <translation>未来 14 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="130" />
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="134" />
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="137" />
        <source>Break {span}</source>
        <translation>休息 {span}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_editor.py" line="142" />
        <source>next day</source>
        <translation>次日</translation>
    </message>
</context>
</TS>
