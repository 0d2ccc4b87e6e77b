<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HoursReportDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="40" />
        <source>Hours report</source>
        <translation>工时报表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="45" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="47" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="50" />
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="66" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="68" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="76" />
        <source>Business days. Hours count from a clock-in to the next clock-out of the same person (at most 16 hours); a clock-in without one counts no hours and is listed as a missing clock-out.</source>
        <translation>按营业日统计。工时从上班打卡算到同一人的下一次下班打卡（最长 16 小时）；没有下班打卡的上班不计工时，记为未打下班卡。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="82" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/hours_report.py" line="114" />
        <source>Total {hours} hours; {missing} missing clock-outs</source>
        <translation>合计工时 {hours}；未打下班卡 {missing} 次</translation>
    </message>
</context>
</TS>
