<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="126" />
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="127" />
        <source>redeemed for {points} points</source>
        <translation>积分兑换 {points} 积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="128" />
        <source>requested</source>
        <translation>点钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="130" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="131" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="132" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="133" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="134" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="135" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
</context>
</TS>
