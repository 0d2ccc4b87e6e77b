<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="62"/>
        <source>Checking the PIN…</source>
        <translation>正在验证 PIN…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="68"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="80"/>
        <source>Receipt of {number} reprinted.</source>
        <translation>单据 {number} 的小票已重打。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="92"/>
        <source>void ticket {number}</source>
        <translation>作废单据（{number}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="110"/>
        <source>Ticket {number} voided.</source>
        <translation>单据 {number} 已作废。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="123"/>
        <source>refund on ticket {number}</source>
        <translation>退款（单据 {number}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets_actions.py" line="143"/>
        <source>Refunded {amount} on ticket {number}.</source>
        <translation>单据 {number} 已退款 {amount}。</translation>
    </message>
</context>
</TS>
