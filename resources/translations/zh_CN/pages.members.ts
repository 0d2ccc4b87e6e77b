<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="106"/>
        <source>New package card</source>
        <translation>新建疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="108"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="118"/>
        <source>One rule a line: 1000=200 (pay ¥1000, get ¥200)</source>
        <translation>每行一条：1000=200（充 ¥1000 送 ¥200）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="123"/>
        <source> points a yuan</source>
        <translation> 积分/元</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="127"/>
        <source> points = ¥1</source>
        <translation> 积分 = ¥1</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="130"/>
        <source>Cumulative spend (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="131"/>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="135"/>
        <source>One tier a line: name, from, percent paid, e.g. 黄金 5000 95 美甲=90</source>
        <translation>每行一个等级：名称、起点、会员价百分比，如“黄金 5000 95 美甲=90”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="141"/>
        <source>% of the price in the birthday month</source>
        <translation>%（生日当月按此价格百分比）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="142"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="152"/>
        <source>Money paid in first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="153"/>
        <source>Bonus first, then money paid in</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="154"/>
        <source>Both in proportion</source>
        <translation>本金与赠送按比例扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="158"/>
        <source>Member cards</source>
        <translation>会员卡项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="161"/>
        <source>Package cards the store sells</source>
        <translation>本店在售的疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="171"/>
        <source>A card payment takes</source>
        <translation>储值扣款顺序</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="172"/>
        <source>Offline, beyond the known balance (yuan)</source>
        <translation>离线时可超出已知余额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="173"/>
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="174"/>
        <source>Points earned</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="175"/>
        <source>Points worth</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="176"/>
        <source>Tiers by</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="177"/>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="178"/>
        <source>Birthday</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="183"/>
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="184"/>
        <source>Stored value, points and tiers</source>
        <translation>储值、积分与等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="263"/>
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
</TS>
