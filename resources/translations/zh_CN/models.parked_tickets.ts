<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ParkedTicketsModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="27" />
        <source>Ticket</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="28" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="29" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="30" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="31" />
        <source>Waiting</source>
        <translation>已等</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="63" />
        <source>Parked by {name}</source>
        <translation>{name} 挂单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="72" />
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="83" />
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="85" />
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/parked_tickets.py" line="86" />
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} 小时 {minutes:02d} 分</translation>
    </message>
</context>
</TS>
