<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="53"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="54"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="70"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="56"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
</context>
</TS>
