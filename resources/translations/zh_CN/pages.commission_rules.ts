<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommissionRulesEditor</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="64" />
        <source>Percent of the base</source>
        <translation>按提成基数百分比</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="65" />
        <source>Fixed amount a unit (yuan)</source>
        <translation>每件固定金额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="66" />
        <source>e.g. 10 (%) or 20 (yuan)</source>
        <translation>如 10（%）或 20（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="67" />
        <source>blank: as rotation</source>
        <translation>留空：同轮钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="68" />
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="70" />
        <source>Change rule</source>
        <translation>修改所选规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="72" />
        <source>Remove rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="81" />
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="101" />
        <source>When sold, to the seller</source>
        <translation>售出时，给经办人</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="102" />
        <source>When used to pay for services</source>
        <translation>消费时，给做项目的技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="107" />
        <source>All stored value spent (principal and bonus)</source>
        <translation>实际扣减的储值（本金和赠送）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="108" />
        <source>The principal spent only</source>
        <translation>仅扣减的本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="113" />
        <source>The service line's net</source>
        <translation>项目实收金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="114" />
        <source>The card's price over its sessions</source>
        <translation>卡价 ÷ 次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="119" />
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="121" />
        <source>Pays</source>
        <translation>提成方式</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="123" />
        <source>Rotation rate</source>
        <translation>轮钟提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="125" />
        <source>Requested rate</source>
        <translation>点钟提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="135" />
        <source>Stored value earns</source>
        <translation>储值提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="136" />
        <source>On use, stored value counts as</source>
        <translation>消费时储值计为</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="137" />
        <source>Package cards earn</source>
        <translation>疗程卡提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="138" />
        <source>On use, a session counts as</source>
        <translation>耗卡时每次计为</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="175" />
        <source>All services</source>
        <translation>全部服务项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="176" />
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="177" />
        <source>Stored value top-ups</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="178" />
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="182" />
        <source>Service category: {name}</source>
        <translation>服务类别：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="183" />
        <source>Product category: {name}</source>
        <translation>商品类别：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="187" />
        <source>Service: {name}</source>
        <translation>服务项目：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="188" />
        <source>Product: {name}</source>
        <translation>商品：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission_rules.py" line="309" />
        <source>Commission rules saved.</source>
        <translation>提成规则已保存。</translation>
    </message>
</context>
</TS>
