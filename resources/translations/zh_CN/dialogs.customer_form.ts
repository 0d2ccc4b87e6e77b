<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerFormDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="61"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="61"/>
        <source>New customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="69"/>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="70"/>
        <source>Skin and hair</source>
        <translation>护理档案</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="71"/>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="75"/>
        <source>History</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="100"/>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="156"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="101"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="102"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="108"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="128"/>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="132"/>
        <source>Anything else worth knowing</source>
        <translation>其他需要留意的事项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="157"/>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="158"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="159"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="167"/>
        <source>Referrer&apos;s phone</source>
        <translation>介绍人手机号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="135"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="136"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="137"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="141"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="142"/>
        <source>Member card</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="146"/>
        <source>Came from</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="147"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_form.py" line="148"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
