<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommissionPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="52"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="53"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="77"/>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="104"/>
        <source>Statement</source>
        <translation>提成明细</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="105"/>
        <source>Rules</source>
        <translation>提成规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="144"/>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="55"/>
        <source>Export statement</source>
        <translation>导出提成明细</translation>
    </message>
</context>
</TS>
