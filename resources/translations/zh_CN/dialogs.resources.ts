<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResourceFormDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="152" />
        <source>Edit room, bed or chair</source>
        <translation>编辑房间/床位/座椅</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="152" />
        <source>New room, bed or chair</source>
        <translation>新增房间/床位/座椅</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="157" />
        <source>Room 1, Bed 2 …</source>
        <translation>1号房、2号床……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="167" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="168" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="169" />
        <source>Services that need it</source>
        <translation>需要它的服务项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="181" />
        <source>{name} (hidden)</source>
        <translation>{name}（已隐藏）</translation>
    </message>
</context>
<context>
    <name>ResourcesDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="40" />
        <source>Rooms, beds and chairs</source>
        <translation>房间/床位/座椅</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="50" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="52" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="54" />
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="100" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="65" />
        <source>A booking of a service listed here takes a free room, bed or chair of those that list it; services listed nowhere need none.</source>
        <translation>预约此处列出的服务项目时，会占用一个列有该项目的空闲房间、床位或座椅；未在任何一处列出的项目不需要占用。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="75" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/resources.py" line="100" />
        <source>Make active</source>
        <translation>重新启用</translation>
    </message>
</context>
</TS>
