<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketLineModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="222"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="223"/>
        <source>Tech</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="224"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="225"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="226"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="227"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="228"/>
        <source>Refunds</source>
        <translation>已退数量</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="151"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="152"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="153"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="154"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="155"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="156"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="157"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>TicketWords</name>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="30"/>
        <source>Part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="32"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="33"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="34"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="35"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="40"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="41"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="42"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="43"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="44"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="45"/>
        <source>Package card</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="46"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="47"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/tickets.py" line="51"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
</context>
</TS>
