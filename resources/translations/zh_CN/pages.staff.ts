<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="45" />
        <source>New staff</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="47" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="49" />
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="51" />
        <location filename="../../../salon_pos/ui/pages/staff.py" line="118" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="53" />
        <source>Hours report</source>
        <translation>工时报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="55" />
        <source>Schedule…</source>
        <translation>排班…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="57" />
        <source>Leave…</source>
        <translation>请假…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="59" />
        <source>Show inactive staff</source>
        <translation>显示已停用员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="77" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="118" />
        <source>Make active</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="158" />
        <source>{name} is deactivated: past tickets keep the name.</source>
        <translation>{name} 已停用：以往单据仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="160" />
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
</context>
</TS>
