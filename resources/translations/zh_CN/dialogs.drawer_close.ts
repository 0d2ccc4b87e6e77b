<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CloseDrawerDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="70" />
        <source>Close the drawer</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="83" />
        <source>Opened {time} by {name}, float {amount}</source>
        <translation>{time} 由 {name} 开班，备用金 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="97" />
        <source>Reason for the variance (required)</source>
        <translation>差额原因（必填）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="100" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="101" />
        <source>Save the count</source>
        <translation>保存清点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="102" />
        <source>Print close slip</source>
        <translation>打印交班单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="103" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="122" />
        <source>Notes</source>
        <translation>纸币</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="123" />
        <source>Coins and small notes</source>
        <translation>硬币与角币</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="175" />
        <source>Counted {amount}</source>
        <translation>实点 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="178" />
        <source>Blind close: the expected cash shows once the count is saved.</source>
        <translation>盲点交班：保存清点后才显示应有现金和差额。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="192" />
        <source>Expected {expected} · variance {variance}</source>
        <translation>应有 {expected} · 差额 {variance}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="211" />
        <source>Saving the count…</source>
        <translation>正在保存清点…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="246" />
        <source>close the drawer with this variance</source>
        <translation>按此差额交班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="264" />
        <source>The drawer is closed: expected {expected}, counted {counted}.</source>
        <translation>已交班：应有 {expected}，实点 {counted}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_close.py" line="291" />
        <source>The close slip is printed.</source>
        <translation>交班单已打印。</translation>
    </message>
</context>
</TS>
