<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>EntryTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="22" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="23" />
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="24" />
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="25" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="26" />
        <source>Ticket / note</source>
        <translation>单号 / 备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="36" />
        <source>Stored value (paid in)</source>
        <translation>储值本金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="37" />
        <source>Stored value (bonus)</source>
        <translation>储值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="38" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="39" />
        <source>Sessions</source>
        <translation>疗程卡次数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="46" />
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="47" />
        <source>Paid with</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="48" />
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="49" />
        <source>Card sold</source>
        <translation>购卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="50" />
        <source>Void or refund</source>
        <translation>作废或退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="51" />
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="52" />
        <source>Refunded</source>
        <translation>退还</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="53" />
        <source>Overdraft collected</source>
        <translation>透支已收回</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="54" />
        <source>Overdraft written off</source>
        <translation>透支已注销</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="55" />
        <source>Given back twice, taken again</source>
        <translation>重复退回，已扣回</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/member_entries.py" line="56" />
        <source>Expired</source>
        <translation>过期</translation>
    </message>
</context>
</TS>