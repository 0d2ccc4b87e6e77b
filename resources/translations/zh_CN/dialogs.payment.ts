<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="53"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="61"/>
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="64"/>
        <source>Small change let go: {amount}</source>
        <translation>已抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="73"/>
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="77"/>
        <source>Complete sale  Enter</source>
        <translation>确认收款  Enter</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="100"/>
        <source>Pay what is still due this way</source>
        <translation>剩余应收全部用此方式支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="112"/>
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="133"/>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="167"/>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="192"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="176"/>
        <source>Still due {amount}</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="178"/>
        <source>Paid in full</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="219"/>
        <source>Saving the sale…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="252"/>
        <source>approve this discount</source>
        <translation>批准本次优惠</translation>
    </message>
</context>
</TS>
