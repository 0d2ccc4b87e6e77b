<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LineSplitDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="45" />
        <source>Shared by several technicians</source>
        <translation>多人合作</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="55" />
        <source>Add a technician</source>
        <translation>添加技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="66" />
        <source>{item}: each technician's share</source>
        <translation>{item}：每位技师的分成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="90" />
        <source>Choose technician…</source>
        <translation>选择技师…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="102" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="144" />
        <source>Total {percent}</source>
        <translation>合计 {percent}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/line_split.py" line="150" />
        <source>Choose the technician of each row, or remove the row.</source>
        <translation>请为每一行选择技师，或移除该行。</translation>
    </message>
</context>
</TS>
