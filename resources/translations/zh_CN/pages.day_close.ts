<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="75" />
        <source>Close business day {day}</source>
        <translation>日结营业日 {day}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="79" />
        <source>After the close this day is locked: sales, voids and refunds from now on belong to the next business day.</source>
        <translation>日结后该营业日即锁定：此后的销售、作废和退款都计入下一个营业日。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="93" />
        <source>Note (optional), e.g. cash checked</source>
        <translation>备注（可选），例如：现金已核对</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="96" />
        <source>Close the day</source>
        <translation>确认日结</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="98" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DayClosePanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="117" />
        <source>Print Z slip</source>
        <translation>打印日结单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="119" />
        <source>PDF report</source>
        <translation>日结 PDF</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="123" />
        <source>Close the day…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="126" />
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="143" />
        <source>The day</source>
        <translation>当日概况</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="145" />
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="145" />
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="147" />
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="150" />
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="154" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="147" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="150" />
        <source>Technician (services)</source>
        <translation>技师（服务）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="152" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="154" />
        <source>Ticket · approved by</source>
        <translation>单号 · 批准人</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="159" />
        <source>By tender</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="160" />
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="161" />
        <source>By technician</source>
        <translation>按技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="162" />
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="163" />
        <source>Approvals</source>
        <translation>优惠、作废与退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="188" />
        <source>Tickets</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="189" />
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="190" />
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="191" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="192" />
        <source>Net</source>
        <translation>净收入</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="193" />
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="194" />
        <source>Customers served</source>
        <translation>到店顾客</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="195" />
        <source>New customers / members</source>
        <translation>新顾客 / 新会员</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="196" />
        <source>Member price savings</source>
        <translation>会员价优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="252" />
        <source>Stored value sold</source>
        <translation>储值售出（本金）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="253" />
        <source>Bonus given</source>
        <translation>储值赠送</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="254" />
        <source>Stored value spent (paid-in)</source>
        <translation>储值消费（本金）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="255" />
        <source>Stored value spent (bonus)</source>
        <translation>储值消费（赠送）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="256" />
        <source>Stored value paid back</source>
        <translation>储值退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="257" />
        <source>Package sessions sold</source>
        <translation>疗程售出（次）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="258" />
        <source>Package sessions used</source>
        <translation>疗程使用（次）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="259" />
        <source>Points issued</source>
        <translation>积分发放</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="260" />
        <source>Points redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="266" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="267" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="268" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="275" />
        <source>Closed by {name} at {at}</source>
        <translation>已日结：{name} {at}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="279" />
        <source>Not closed</source>
        <translation>未日结</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="290" />
        <source>Checks passed: nothing waits to be sent.</source>
        <translation>检查通过：没有待上传的数据。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="302" />
        <source>{count} operations of this counter have not reached the server yet.</source>
        <translation>本收银台还有 {count} 条数据未上传到服务器。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="309" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="312" />
        <source>Counter {counter} has not been heard from today (last: {last}).</source>
        <translation>收银台 {counter} 今天没有联系过服务器（最后一次：{last}）。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="325" />
        <source>within limit</source>
        <translation>权限内</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="345" />
        <source>Stored value top-ups</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="346" />
        <source>Package cards</source>
        <translation>疗程卡</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="370" />
        <source>The day is closed.</source>
        <translation>已日结。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="384" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/day_close.py" line="398" />
        <source>Z slip printed.</source>
        <translation>日结单已打印。</translation>
    </message>
</context>
</TS>
