<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerFormDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="89"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="89"/>
        <source>New customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="99"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="100"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="101"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="107"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="124"/>
        <source>Skin or hair condition, allergies, preferences</source>
        <translation>皮肤/头发状况、过敏、偏好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="134"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="135"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="136"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="140"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="141"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
