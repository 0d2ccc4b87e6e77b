<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="86" />
        <source>New package card</source>
        <translation>新建疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="88" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="98" />
        <source>One rule a line: 1000=200 (pay ¥1000, get ¥200)</source>
        <translation>每行一条：1000=200（充 ¥1000 送 ¥200）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="103" />
        <source> points a yuan</source>
        <translation> 积分/元</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="106" />
        <source>A category's own rate, e.g. 美甲=2, 美睫=0</source>
        <translation>分类单独的积分，如“美甲=2，美睫=0”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="110" />
        <source> points = ¥1</source>
        <translation> 积分 = ¥1</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="113" />
        <source>Cumulative spend (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="114" />
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="118" />
        <source>One tier a line: name, from, percent paid, e.g. 黄金 5000 95 美甲=90</source>
        <translation>每行一个等级：名称、起点、会员价百分比，如“黄金 5000 95 美甲=90”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="124" />
        <source>% of the price in the birthday month</source>
        <translation>%（生日当月按此价格百分比）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="128" />
        <source>A service given free once in the customer's birthday month</source>
        <translation>顾客生日当月免费赠送一次的服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="130" />
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="140" />
        <source>Money paid in first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="141" />
        <source>Bonus first, then money paid in</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="142" />
        <source>Both in proportion</source>
        <translation>本金与赠送按比例扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="146" />
        <source>Member cards</source>
        <translation>会员卡项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="149" />
        <source>Package cards the store sells</source>
        <translation>本店在售的疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="159" />
        <source>A card payment takes</source>
        <translation>储值扣款顺序</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="160" />
        <source>Offline, beyond the known balance (yuan)</source>
        <translation>离线时可超出已知余额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="161" />
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="162" />
        <source>Points earned</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="163" />
        <source>By category</source>
        <translation>分类积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="164" />
        <source>Points worth</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="165" />
        <source>Tiers by</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="166" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="167" />
        <source>Birthday</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="168" />
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="173" />
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="174" />
        <source>Stored value, points and tiers</source>
        <translation>储值、积分与等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="211" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="266" />
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
</TS>
