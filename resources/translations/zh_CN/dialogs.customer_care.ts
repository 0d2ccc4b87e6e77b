<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareTab</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="50"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="51"/>
        <source>Dry</source>
        <translation>干性</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="52"/>
        <source>Oily</source>
        <translation>油性</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="53"/>
        <source>Combination</source>
        <translation>混合性</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="54"/>
        <source>Normal</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="55"/>
        <source>Sensitive</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="60"/>
        <source>Spots, redness…</source>
        <translation>色斑、泛红……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="66"/>
        <source>Dry ends, hair loss…</source>
        <translation>发尾干枯、脱发……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="71"/>
        <source>Whitening</source>
        <translation>美白</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="72"/>
        <source>Anti-aging</source>
        <translation>抗衰老</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="73"/>
        <source>Moisturizing</source>
        <translation>补水保湿</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="82"/>
        <source>No preference</source>
        <translation>无偏好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="83"/>
        <source>Natural products</source>
        <translation>天然产品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="84"/>
        <source>Active products</source>
        <translation>功效型产品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="91"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="99"/>
        <source>Skin type</source>
        <translation>肤质</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="100"/>
        <source>Skin condition</source>
        <translation>皮肤状况</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="101"/>
        <source>Hair condition</source>
        <translation>发质状况</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="102"/>
        <source>Care wanted</source>
        <translation>护理偏好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="103"/>
        <source>Products</source>
        <translation>产品偏好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="104"/>
        <source>Favourite technician</source>
        <translation>指定技师</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="125"/>
        <source>Has allergies: warn the cashier</source>
        <translation>有过敏史：收银时提醒</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="132"/>
        <source>Penicillin, mango, latex…</source>
        <translation>青霉素、芒果、乳胶……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="139"/>
        <source>Pregnancy, skin treatment, medication…</source>
        <translation>孕期、皮肤治疗、用药……</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="144"/>
        <source>Encrypted. Only owners, managers and technicians who served this customer in the last {days} days can see allergies and health notes.</source>
        <translation>已加密。只有老板、店长和近 {days} 天内为该客户服务过的技师可以查看过敏和健康备注。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="154"/>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_care.py" line="155"/>
        <source>Health notes</source>
        <translation>健康备注</translation>
    </message>
</context>
</TS>
