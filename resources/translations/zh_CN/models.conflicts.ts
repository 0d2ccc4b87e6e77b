<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="126"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="126"/>
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="126"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="126"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="61"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="62"/>
        <source>Resolving</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="63"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="72"/>
        <source>the web console</source>
        <translation>管理后台</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="77"/>
        <source>The server recorded a conflict of type “{type}”.</source>
        <translation>服务器记录了一条“{type}”类型的冲突。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="109"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="112"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="102"/>
        <source>this counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="103"/>
        <source>another counter ({device})</source>
        <translation>另一台收银机（{device}）</translation>
    </message>
</context>
</TS>
