<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="16"/>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
