<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PinFields</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="32"/>
        <source>4 to 8 digits</source>
        <translation>4 到 8 位数字</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="35"/>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="36"/>
        <source>New PIN again</source>
        <translation>再输一次新 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="37"/>
        <source>Manager&apos;s PIN</source>
        <translation>店长的 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="42"/>
        <source>The two new PINs are not the same: type the new PIN twice.</source>
        <translation>两次输入的新 PIN 不一致，请重新输入两次。</translation>
    </message>
</context>
<context>
    <name>StaffPinDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="54"/>
        <source>Set PIN for {name}</source>
        <translation>为 {name} 设置 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/staff_pin.py" line="57"/>
        <source>The new PIN is not shown again once it is set. A manager or owner approves it with their own PIN.</source>
        <translation>新 PIN 设置后不再显示。需由店长或老板输入自己的 PIN 授权。</translation>
    </message>
</context>
</TS>
