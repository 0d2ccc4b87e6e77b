<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="72" />
        <source>New package card</source>
        <translation>新建疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="74" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="84" />
        <source>One rule a line: 1000=200 (pay ¥1000, get ¥200)</source>
        <translation>每行一条：1000=200（充 ¥1000 送 ¥200）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="89" />
        <source> points a yuan</source>
        <translation> 积分/元</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="93" />
        <source> points = ¥1</source>
        <translation> 积分 = ¥1</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="94" />
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="102" />
        <source>Money paid in first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="103" />
        <source>Bonus first, then money paid in</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="104" />
        <source>Both in proportion</source>
        <translation>本金与赠送按比例扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="108" />
        <source>Member cards</source>
        <translation>会员卡项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="111" />
        <source>Package cards the store sells</source>
        <translation>本店在售的疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="115" />
        <source>Stored value and points</source>
        <translation>储值与积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="117" />
        <source>A card payment takes</source>
        <translation>储值扣款顺序</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="118" />
        <source>Offline, beyond the known balance (yuan)</source>
        <translation>离线时可超出已知余额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="119" />
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="120" />
        <source>Points earned</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="121" />
        <source>Points worth</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="196" />
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
</TS>