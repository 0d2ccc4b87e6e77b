<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="32"/>
        <location filename="../../../salon_pos/ui/sign_in.py" line="89"/>
        <source>Tap your name, then enter your PIN</source>
        <translation>请点选您的名字，然后输入 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="55"/>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="56"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="57"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="58"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="82"/>
        <source>{name}, enter your PIN</source>
        <translation>{name}，请输入 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/sign_in.py" line="95"/>
        <source>First tap your name.</source>
        <translation>请先点选您的名字。</translation>
    </message>
</context>
</TS>
