<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="53"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="55"/>
        <source>Show resolved</source>
        <translation>显示已处理的</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="59"/>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="171"/>
        <source>No conflicts to deal with</source>
        <translation>没有待处理的冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="173"/>
        <source>No conflicts yet</source>
        <translation>还没有冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="198"/>
        <source>Resolve conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="201"/>
        <source>Resolve this conflict with “{resolution}”?</source>
        <translation>确定以“{resolution}”处理这条冲突吗？</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="206"/>
        <source>{type}: {concerns}. The decision is sent to the server.</source>
        <translation>{type}：{concerns}。处理决定会发送到服务器。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="227"/>
        <source>Saving the decision…</source>
        <translation>正在保存处理决定…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts.py" line="235"/>
        <source>Decision saved; it is sent to the server at the next sync.</source>
        <translation>处理决定已保存，下次同步时发送到服务器。</translation>
    </message>
</context>
</TS>
