<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="118"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="141"/>
        <source>Package card “{card}” pays {item} ({left} sessions left)</source>
        <translation>用疗程卡“{card}”抵扣“{item}”（剩 {left} 次）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="146"/>
        <source>Package card “{card}” pays {item} ({left} sessions left; expired {date}: a manager&apos;s PIN is needed)</source>
        <translation>用疗程卡“{card}”抵扣“{item}”（剩 {left} 次；已于 {date} 过期，需店长 PIN）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="158"/>
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="161"/>
        <source>Small change let go: {amount}</source>
        <translation>已抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="170"/>
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="174"/>
        <source>Complete sale  Enter</source>
        <translation>确认收款  Enter</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="193"/>
        <source>Stored value ({balance}; offline, up to {more} more)</source>
        <translation>储值（{balance}，离线时最多可超 {more}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="198"/>
        <source>Stored value ({balance})</source>
        <translation>储值（余额 {balance}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="202"/>
        <source>Points ({points}, worth {amount})</source>
        <translation>积分（{points} 分，可抵 {amount}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="215"/>
        <source>Pay what is still due this way</source>
        <translation>剩余应收全部用此方式支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="227"/>
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="250"/>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="310"/>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="338"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="320"/>
        <source>Still due {amount}</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="322"/>
        <source>Paid in full</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="367"/>
        <source>Saving the sale…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="402"/>
        <source>approve this sale</source>
        <translation>批准本单</translation>
    </message>
</context>
</TS>
