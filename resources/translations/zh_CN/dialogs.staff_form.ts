<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StaffFormDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="31"/>
        <source>Edit staff member</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="31"/>
        <source>New staff</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="41"/>
        <source>facial, nail, hair …</source>
        <translation>facial, nail, hair …</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="47"/>
        <source>PIN (leave empty to keep the current one)</source>
        <translation>PIN（留空则保持不变）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="47"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="51"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="52"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="53"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="54"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_form.py" line="55"/>
        <source>Discount limit (yuan)</source>
        <translation>优惠权限（元）</translation>
    </message>
</context>
</TS>
