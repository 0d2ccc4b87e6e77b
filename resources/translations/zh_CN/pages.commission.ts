<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommissionPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="59" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="60" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="84" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="85" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="86" />
        <source>From … to</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="90" />
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="100" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="120" />
        <source>Statement</source>
        <translation>提成明细</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="121" />
        <source>Rules</source>
        <translation>提成规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="157" />
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="259" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="259" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="261" />
        <source>Export statement</source>
        <translation>导出提成明细</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="279" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/commission.py" line="283" />
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
</TS>
