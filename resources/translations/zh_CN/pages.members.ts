<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="87"/>
        <source>New package card</source>
        <translation>新建疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="89"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="99"/>
        <source>One rule a line: 1000=200 (pay ¥1000, get ¥200)</source>
        <translation>每行一条：1000=200（充 ¥1000 送 ¥200）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="104"/>
        <source> points a yuan</source>
        <translation> 积分/元</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="107"/>
        <source>A category&apos;s own rate, e.g. 美甲=2, 美睫=0</source>
        <translation>分类单独的积分，如“美甲=2，美睫=0”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="111"/>
        <source> points = ¥1</source>
        <translation> 积分 = ¥1</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="114"/>
        <source>Cumulative spend (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="115"/>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="119"/>
        <source>One tier a line: name, from, percent paid, e.g. 黄金 5000 95 美甲=90</source>
        <translation>每行一个等级：名称、起点、会员价百分比，如“黄金 5000 95 美甲=90”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="125"/>
        <source>% of the price in the birthday month</source>
        <translation>%（生日当月按此价格百分比）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="126"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="136"/>
        <source>Money paid in first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="137"/>
        <source>Bonus first, then money paid in</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="138"/>
        <source>Both in proportion</source>
        <translation>本金与赠送按比例扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="142"/>
        <source>Member cards</source>
        <translation>会员卡项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="145"/>
        <source>Package cards the store sells</source>
        <translation>本店在售的疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="155"/>
        <source>A card payment takes</source>
        <translation>储值扣款顺序</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="156"/>
        <source>Offline, beyond the known balance (yuan)</source>
        <translation>离线时可超出已知余额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="157"/>
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="158"/>
        <source>Points earned</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="159"/>
        <source>By category</source>
        <translation>分类积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="160"/>
        <source>Points worth</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="161"/>
        <source>Tiers by</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="162"/>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="163"/>
        <source>Birthday</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="168"/>
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="169"/>
        <source>Stored value, points and tiers</source>
        <translation>储值、积分与等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="250"/>
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
</TS>
