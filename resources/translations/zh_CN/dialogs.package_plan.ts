<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PackagePlanDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="43"/>
        <source>Edit package card</source>
        <translation>编辑疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="43"/>
        <source>New package card</source>
        <translation>新建疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="48"/>
        <source>e.g. Hydrating facial ×10</source>
        <translation>例如：补水护理10次卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="58"/>
        <source>No expiry</source>
        <translation>不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="59"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="61"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="76"/>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="77"/>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="78"/>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/package_plan.py" line="80"/>
        <source>Services a session pays for</source>
        <translation>可抵扣的服务项目</translation>
    </message>
</context>
</TS>
