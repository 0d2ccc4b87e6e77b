<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PackagePlanTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="22"/>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="23"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="24"/>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="25"/>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="26"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="26"/>
        <source>Hidden</source>
        <translation>已停售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="31"/>
        <source>No expiry</source>
        <translation>不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/package_plans.py" line="32"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
</context>
</TS>
