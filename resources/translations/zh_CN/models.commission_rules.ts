<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommissionRulesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="25"/>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="26"/>
        <source>Pays</source>
        <translation>提成方式</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="27"/>
        <source>Rotation</source>
        <translation>轮钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="28"/>
        <source>Requested</source>
        <translation>点钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="31"/>
        <source>Percent of the base</source>
        <translation>按提成基数百分比</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="32"/>
        <source>Fixed a unit</source>
        <translation>每件固定金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/commission_rules.py" line="34"/>
        <source>as rotation</source>
        <translation>同轮钟</translation>
    </message>
</context>
</TS>
