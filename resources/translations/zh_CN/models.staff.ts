<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="22" />
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="23" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="24" />
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="25" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="31" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="32" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="33" />
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="34" />
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="35" />
        <source>Discount limit</source>
        <translation>优惠权限</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="36" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="36" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="36" />
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="37" />
        <source>Schedule</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="45" />
        <source>Weekly</source>
        <translation>每周固定</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="46" />
        <source>Rotating</source>
        <translation>轮班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="46" />
        <source>Not scheduled</source>
        <translation>未排班</translation>
    </message>
</context>
</TS>
