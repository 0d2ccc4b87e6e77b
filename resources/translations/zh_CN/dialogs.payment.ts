<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="104"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="125"/>
        <source>Package card “{card}” pays {item} ({left} sessions left)</source>
        <translation>用疗程卡“{card}”抵扣“{item}”（剩 {left} 次）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="132"/>
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="135"/>
        <source>Small change let go: {amount}</source>
        <translation>已抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="144"/>
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="148"/>
        <source>Complete sale  Enter</source>
        <translation>确认收款  Enter</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="167"/>
        <source>Stored value ({balance})</source>
        <translation>储值（余额 {balance}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="171"/>
        <source>Points ({points}, worth {amount})</source>
        <translation>积分（{points} 分，可抵 {amount}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="184"/>
        <source>Pay what is still due this way</source>
        <translation>剩余应收全部用此方式支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="196"/>
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="219"/>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="279"/>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="307"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="289"/>
        <source>Still due {amount}</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="291"/>
        <source>Paid in full</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="335"/>
        <source>Saving the sale…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="368"/>
        <source>approve this discount</source>
        <translation>批准本次优惠</translation>
    </message>
</context>
</TS>
