<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="16"/>
        <source>tickets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
