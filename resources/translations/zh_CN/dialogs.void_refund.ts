<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="43"/>
        <source>Refund ticket {number}</source>
        <translation>退款 · 单据 {number}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="49"/>
        <source>The way it was paid</source>
        <translation>原路退回（按原付款方式）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="52"/>
        <source>All by {tender}</source>
        <translation>全部退到{tender}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="59"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="65"/>
        <source>How many of each to refund:</source>
        <translation>选择每个项目的退款数量：</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="67"/>
        <source>Money back:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="77"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="77"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="77"/>
        <source>Left</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="77"/>
        <source>To refund</source>
        <translation>本次退</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="114"/>
        <source>Refund amount: {amount}</source>
        <translation>退款金额：{amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/void_refund.py" line="119"/>
        <source>Choose at least one unit to refund.</source>
        <translation>请至少选择 1 件要退的项目。</translation>
    </message>
</context>
</TS>
