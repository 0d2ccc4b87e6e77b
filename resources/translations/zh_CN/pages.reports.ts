<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="61" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="62" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="78" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="79" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="80" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="81" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="82" />
        <source>From … to</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="86" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="91" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="206" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="206" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="208" />
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="226" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/reports.py" line="231" />
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
</TS>
