<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDetail</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="53" />
        <source>Choose a conflict to see what happened.</source>
        <translation>选择一条冲突，查看发生了什么。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="67" />
        <source>Note: why (a write-off needs the reason)</source>
        <translation>备注：原因（注销时必须写明）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="71" />
        <source>Cash (into this counter's drawer)</source>
        <translation>现金（记入本收银台钱箱）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="72" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="73" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="74" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="77" />
        <source>If collected, paid by</source>
        <translation>如向顾客收回，收款方式</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="142" />
        <source>Suggested: {resolution}</source>
        <translation>建议：{resolution}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="163" />
        <source>The server refused the last decision ({reason}); decide again.</source>
        <translation>服务器拒绝了上一次的处理（{reason}），请重新处理。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="167" />
        <source>“{resolution}” was chosen; waiting for the server to confirm.</source>
        <translation>已选择“{resolution}”，等待服务器确认。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="172" />
        <source>Resolved: {resolution}, by {who}.</source>
        <translation>已处理：{resolution}，处理人：{who}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="176" />
        <source>Resolved: {resolution}.</source>
        <translation>已处理：{resolution}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="177" />
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
</context>
</TS>
