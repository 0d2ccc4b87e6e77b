<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MemberAccountDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="39" />
        <source>Member account: {name}</source>
        <translation>会员账户：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="57" />
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="58" />
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="60" />
        <source>Refund stored value</source>
        <translation>退还储值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="86" />
        <source>Tier: {tier} · spent {spend} · {visits} visits</source>
        <translation>等级：{tier} · 累计消费 {spend} · 到店 {visits} 次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="92" />
        <source>Stored value {total} (paid in {principal}, bonus {bonus}) · {points} points</source>
        <translation>储值 {total}（本金 {principal}，赠送 {bonus}）· 积分 {points}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="101" />
        <source>{card}: {left} of {sold} sessions left, until {until}</source>
        <translation>{card}：剩 {left}/{sold} 次，有效期至 {until}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="105" />
        <source>no expiry</source>
        <translation>不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="118" />
        <source>Give the points to add, or to take away with a minus.</source>
        <translation>请填写要增加的积分，扣除请用负数。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="121" />
        <source>adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="126" />
        <source>refund {principal} of stored value in cash from this counter's drawer (the {bonus} bonus is forfeited)</source>
        <translation>从本收银台钱箱以现金退还储值本金 {principal}（赠送 {bonus} 作废）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_account.py" line="166" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
</TS>
