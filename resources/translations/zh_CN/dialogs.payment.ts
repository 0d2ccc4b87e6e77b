<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="106" />
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="129" />
        <source>Package card “{card}” pays {item} ({left} sessions left)</source>
        <translation>用疗程卡“{card}”抵扣“{item}”（剩 {left} 次）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="134" />
        <source>Package card “{card}” pays {item} ({left} sessions left; expired {date}: a manager's PIN is needed)</source>
        <translation>疗程卡“{card}”支付{item}（剩 {left} 次；已于 {date} 过期，需店长 PIN）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="146" />
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="149" />
        <source>Small change let go: {amount}</source>
        <translation>已抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="158" />
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="162" />
        <source>Complete sale  Enter</source>
        <translation>确认收款  Enter</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="181" />
        <source>Stored value ({balance}; offline, up to {more} more)</source>
        <translation>储值（{balance}，离线时最多可超 {more}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="186" />
        <source>Stored value ({balance})</source>
        <translation>储值（余额 {balance}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="190" />
        <source>Points ({points}, worth {amount})</source>
        <translation>积分（{points} 分，可抵 {amount}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="203" />
        <source>Pay what is still due this way</source>
        <translation>剩余应收全部用此方式支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="215" />
        <source>Exact</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="238" />
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="298" />
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="326" />
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="308" />
        <source>Still due {amount}</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="310" />
        <source>Paid in full</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="354" />
        <source>Saving the sale…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/payment.py" line="387" />
        <source>approve this discount</source>
        <translation>批准本次优惠</translation>
    </message>
</context>
</TS>