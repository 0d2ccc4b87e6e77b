<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ParkedTicketsDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="24" />
        <source>Parked tickets</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="36" />
        <source>No parked tickets.</source>
        <translation>没有挂单。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="39" />
        <source>Resume  Enter</source>
        <translation>取单  Enter</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="42" />
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="130" />
        <source>Cancel ticket  Del</source>
        <translation>取消挂单  Del</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="45" />
        <source>Close  Esc</source>
        <translation>关闭  Esc</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="100" />
        <source>Tap again to throw it away</source>
        <translation>再点一次确认取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="102" />
        <source>Cancel “{label}”? Its lines are thrown away.</source>
        <translation>取消挂单“{label}”？单上的项目将被丢弃。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/parked_tickets.py" line="113" />
        <source>Parked ticket cancelled.</source>
        <translation>挂单已取消。</translation>
    </message>
</context>
</TS>
