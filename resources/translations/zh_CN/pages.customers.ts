<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers.py" line="16"/>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
