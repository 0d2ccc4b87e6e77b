<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="50" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="51" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="52" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="53" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="54" />
        <source>From … to</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="60" />
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="118" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="118" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="137" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/report_controls.py" line="142" />
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
</TS>
