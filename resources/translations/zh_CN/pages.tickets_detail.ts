<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="39"/>
        <source>Choose a ticket to see its lines and payments.</source>
        <translation>选择一张单据，查看项目和付款明细。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="129"/>
        <source>Void reason: {reason}</source>
        <translation>作废原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="137"/>
        <source>Customer: {customer} · Cashier: {cashier}</source>
        <translation>顾客：{customer} · 收银员：{cashier}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="146"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="146"/>
        <source>None (free ticket)</source>
        <translation>无（免费单）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="166"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="167"/>
        <source>Line discounts</source>
        <translation>单项优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="168"/>
        <source>Ticket discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="169"/>
        <source>Rounding off</source>
        <translation>抹零</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="170"/>
        <source>Total</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="159"/>
        <source>Tendered</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="160"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_detail.py" line="162"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
</TS>
