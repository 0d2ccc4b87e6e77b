<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ManagerPinDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/manager_pin.py" line="16"/>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/manager_pin.py" line="19"/>
        <source>A manager&apos;s PIN is needed to {action}.</source>
        <translation>{action}需要店长输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/manager_pin.py" line="24"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/manager_pin.py" line="28"/>
        <source>Approve</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/manager_pin.py" line="41"/>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
</TS>
