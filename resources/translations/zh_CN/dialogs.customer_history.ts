<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoughtModel</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="49" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="50" />
        <source>Ticket</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="51" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="53" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="54" />
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="62" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="54" />
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="62" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="56" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="57" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="58" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="92" />
        <source>{visits} visit(s) · {services} service(s) · {products} product(s)</source>
        <translation>到店 {visits} 次 · 服务 {services} 项 · 商品 {products} 件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="97" />
        <source>Never</source>
        <translation>从未到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="98" />
        <source>Standing</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="99" />
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="100" />
        <source>Visits</source>
        <translation>到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="101" />
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="103" />
        <source>{bookings} booking(s) · {no_shows} no-show(s)</source>
        <translation>预约 {bookings} 次 · 爽约 {no_shows} 次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="110" />
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="124" />
        <source>Member balances</source>
        <translation>会员余额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="128" />
        <source>No points, stored value or package cards yet.</source>
        <translation>暂无积分、储值或疗程卡。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="133" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="135" />
        <source>{principal} paid in + {bonus} bonus</source>
        <translation>本金 {principal} + 赠送 {bonus}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="139" />
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="141" />
        <source>{left} sessions left</source>
        <translation>剩余 {left} 次</translation>
    </message>
</context>
<context>
    <name>StandingWords</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="24" />
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="25" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="26" />
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/customer_history.py" line="30" />
        <source>not seen for {days} days</source>
        <translation>{days} 天未到店</translation>
    </message>
</context>
</TS>
