<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LeaveTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="16" />
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="17" />
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="18" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="19" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="20" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="20" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ResourceTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="30" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="30" />
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="30" />
        <source>Chair</source>
        <translation>座椅</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="35" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="36" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="37" />
        <source>Services that need it</source>
        <translation>需要它的服务项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="38" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="38" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/schedules.py" line="38" />
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
</context>
</TS>
