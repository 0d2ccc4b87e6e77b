<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../../salon_pos/ui/widgets.py" line="126"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/widgets.py" line="129"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/widgets.py" line="138"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
</TS>
