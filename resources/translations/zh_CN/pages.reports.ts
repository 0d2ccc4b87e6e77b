<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="63" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="66" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="67" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="85" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="165" />
        <source>Expiring within</source>
        <translation>临期天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="166" />
        <source>Not sold for</source>
        <translation>滞销天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="69" />
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
</context>
</TS>
