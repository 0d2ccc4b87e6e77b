<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HoursFields</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_fields.py" line="78" />
        <location filename="../../../salon_pos/ui/dialogs/schedule_fields.py" line="123" />
        <source>next day</source>
        <translation>次日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/schedule_fields.py" line="125" />
        <source>Ends after midnight, on the next day</source>
        <translation>跨过午夜，于次日结束</translation>
    </message>
</context>
</TS>
