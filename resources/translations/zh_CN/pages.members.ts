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
        <location filename="../../../salon_pos/ui/pages/members.py" line="114" />
        <source> days after earning</source>
        <translation> 天（自获得之日起）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="115" />
        <source>Never expire</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="118" />
        <source>Cumulative spend (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="119" />
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="123" />
        <source>One tier a line: name, from, percent paid, e.g. 黄金 5000 95 美甲=90</source>
        <translation>每行一个等级：名称、起点、会员价百分比，如“黄金 5000 95 美甲=90”</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="129" />
        <source>% of the price in the birthday month</source>
        <translation>%（生日当月按此价格百分比）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="133" />
        <source>A service given free once in the customer's birthday month</source>
        <translation>顾客生日当月免费赠送一次的服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="135" />
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="145" />
        <source>Money paid in first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="146" />
        <source>Bonus first, then money paid in</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="147" />
        <source>Both in proportion</source>
        <translation>本金与赠送按比例扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="151" />
        <source>Member cards</source>
        <translation>会员卡项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="154" />
        <source>Package cards the store sells</source>
        <translation>本店在售的疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="164" />
        <source>A card payment takes</source>
        <translation>储值扣款顺序</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="165" />
        <source>Offline, beyond the known balance (yuan)</source>
        <translation>离线时可超出已知余额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="166" />
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="167" />
        <source>Points earned</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="168" />
        <source>By category</source>
        <translation>分类积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="169" />
        <source>Points worth</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="170" />
        <source>Points expire</source>
        <translation>积分有效期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="171" />
        <source>Tiers by</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="172" />
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="173" />
        <source>Birthday</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="174" />
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="179" />
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="180" />
        <source>Stored value, points and tiers</source>
        <translation>储值、积分与等级</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="218" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/members.py" line="274" />
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
</TS>
