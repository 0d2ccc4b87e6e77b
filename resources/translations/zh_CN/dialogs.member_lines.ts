<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CardSaleDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="95"/>
        <source>Sell a package card</source>
        <translation>出售疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="104"/>
        <source>No package cards yet: a manager adds them in Catalog.</source>
        <translation>还没有疗程卡方案：请店长在“项目与商品”中添加。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="123"/>
        <source>valid {days} days</source>
        <translation>有效期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="125"/>
        <source>no expiry</source>
        <translation>不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="127"/>
        <source>{name} · {sessions} sessions · {price} · {valid}</source>
        <translation>{name} · {sessions} 次 · {price} · {valid}</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="31"/>
        <source>Top up stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="36"/>
        <source>Amount paid in, e.g. 1000</source>
        <translation>充值金额，例如 1000</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="47"/>
        <source>Add to ticket</source>
        <translation>加入本单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="62"/>
        <source>The bonus follows the store&apos;s top-up rules.</source>
        <translation>赠送金额按本店的充值赠送规则计算。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/member_lines.py" line="71"/>
        <source>The card receives {total}: {principal} paid in + {bonus} bonus.</source>
        <translation>到账 {total}：本金 {principal} + 赠送 {bonus}。</translation>
    </message>
</context>
</TS>
