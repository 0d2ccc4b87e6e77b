<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/wizard.py" line="40"/>
        <source>Salon POS — set up this counter</source>
        <translation>Salon POS 美业收银 — 设置本收银台</translation>
    </message>
</context>
</TS>
