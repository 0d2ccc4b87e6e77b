<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ManagersOnly</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/managers_only.py" line="31"/>
        <source>Only a manager or owner can open this page.</source>
        <translation>只有店长或老板可以打开此页面。</translation>
    </message>
</context>
</TS>
