<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClockingTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="20" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="21" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="22" />
        <source>In / out</source>
        <translation>上班 / 下班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="23" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="27" />
        <source>Clock in</source>
        <translation>上班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="27" />
        <source>Clock out</source>
        <translation>下班</translation>
    </message>
</context>
<context>
    <name>HoursTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="33" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="34" />
        <source>Days</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="35" />
        <source>Hours (h:mm)</source>
        <translation>工时（时:分）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="36" />
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="37" />
        <source>No clock-out</source>
        <translation>未打下班卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="38" />
        <source>Out without in</source>
        <translation>无上班的下班卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/attendance.py" line="39" />
        <source>On the clock since</source>
        <translation>在岗（上班时间）</translation>
    </message>
</context>
</TS>
