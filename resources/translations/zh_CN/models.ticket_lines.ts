<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="91"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="92"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="93"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="94"/>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="95"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="96"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
</context>
</TS>
