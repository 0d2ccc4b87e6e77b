<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="43" />
        <source>Leave: {name}</source>
        <translation>请假：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="58" />
        <source>Annual leave, sick leave …</source>
        <translation>年假、病假……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="59" />
        <source>Add leave</source>
        <translation>添加请假</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="61" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="63" />
        <source>Cancel this leave</source>
        <translation>取消此请假</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="71" />
        <source>Leave from the last 30 days on. Days on leave are not booked.</source>
        <translation>显示近 30 天及以后的请假。请假的日子不接受预约。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="77" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="80" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="81" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="87" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="152" />
        <source>Leave {first} to {last} cancelled.</source>
        <translation>已取消 {first} 至 {last} 的请假。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/leave.py" line="153" />
        <source>Leave {first} to {last} saved.</source>
        <translation>已保存 {first} 至 {last} 的请假。</translation>
    </message>
</context>
</TS>
