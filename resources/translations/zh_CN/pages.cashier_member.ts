<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MemberStrip</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="29"/>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="32"/>
        <source>Sell card</source>
        <translation>购卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="55"/>
        <source>Stored value {total} (paid in {principal}, bonus {bonus})</source>
        <translation>储值 {total}（本金 {principal}，赠送 {bonus}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="62"/>
        <source>{points} points</source>
        <translation>积分 {points}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="64"/>
        <source>{card}: {left} left</source>
        <translation>{card}：剩 {left} 次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="69"/>
        <source>No stored value, points or package cards yet</source>
        <translation>暂无储值、积分或疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_member.py" line="82"/>
        <source>Stored value top-up</source>
        <translation>储值充值</translation>
    </message>
</context>
</TS>
