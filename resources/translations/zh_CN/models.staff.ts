<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="15"/>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="16"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="17"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="18"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="24"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="25"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="26"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="27"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="28"/>
        <source>Discount limit</source>
        <translation>优惠权限</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="29"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="29"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/staff.py" line="29"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
</TS>
