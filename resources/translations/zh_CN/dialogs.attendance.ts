<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="38" />
        <source>Attendance: clock in or out</source>
        <translation>考勤：上班 / 下班打卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="42" />
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="175" />
        <source>Tap your name, choose in or out, then enter your PIN</source>
        <translation>点自己的名字，选择上班或下班，再输入 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="46" />
        <source>Clock in</source>
        <translation>上班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="47" />
        <source>Clock out</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="57" />
        <source>Clock</source>
        <translation>打卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="81" />
        <source>Today's clockings</source>
        <translation>今天的打卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="93" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="123" />
        <source>{name}, enter your PIN</source>
        <translation>{name}，请输入您的 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="132" />
        <source>First tap your name.</source>
        <translation>请先点自己的名字。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="147" />
        <source>{name} clocked in at {time}</source>
        <translation>{name} 上班 {time}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="149" />
        <source>{name} clocked out at {time}</source>
        <translation>{name} 下班 {time}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="153" />
        <source>Clocked in twice in a row: the earlier clock-in has no clock-out.</source>
        <translation>连续两次上班打卡：前一次上班将记为未打下班卡。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/attendance.py" line="157" />
        <source>Clocked out twice in a row: the later clock-out has no clock-in.</source>
        <translation>连续两次下班打卡：这次下班没有对应的上班打卡。</translation>
    </message>
</context>
</TS>
