<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="99" />
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="101" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="102" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="103" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="104" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="105" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/ticket_lines.py" line="106" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
</context>
</TS>