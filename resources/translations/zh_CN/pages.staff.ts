<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="40" />
        <source>New staff</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="42" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="44" />
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="46" />
        <location filename="../../../salon_pos/ui/pages/staff.py" line="103" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="48" />
        <source>Hours report</source>
        <translation>工时报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="50" />
        <source>Show inactive staff</source>
        <translation>显示已停用员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="68" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="103" />
        <source>Make active</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="138" />
        <source>{name} is deactivated: past tickets keep the name.</source>
        <translation>{name} 已停用：以往单据仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/staff.py" line="140" />
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
</context>
</TS>
