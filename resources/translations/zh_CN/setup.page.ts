<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WorkingPage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/page.py" line="69"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
</TS>
