<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDetail</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="50" />
        <source>Choose a conflict to see what happened.</source>
        <translation>选择一条冲突，查看发生了什么。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="119" />
        <source>Suggested: {resolution}</source>
        <translation>建议：{resolution}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="130" />
        <source>“{resolution}” was chosen; waiting for the server to confirm.</source>
        <translation>已选择“{resolution}”，等待服务器确认。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="133" />
        <source>Resolved: {resolution}.</source>
        <translation>已处理：{resolution}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="170" />
        <source>The {field} of customer {customer} was edited on two counters. The later edit was kept: “{kept}”. The other value, “{other}”, is kept in the history. Keep the current value, or use the other value instead.</source>
        <translation>客户“{customer}”的{field}在两台收银机上都被修改过。保留了较晚的修改：“{kept}”；另一个值“{other}”已记入历史。可以保留当前值，或改用另一值。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="174" />
        <source>profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="181" />
        <source>Two customers have the same phone {phone}: {older} (registered first) and {newer}. They may be one person registered twice. Merge folds {newer} into {older}: the first profile stays, the notes are joined, and {newer} no longer appears in searches (past tickets keep their name). Keep both if they are two people.</source>
        <translation>两位客户的手机号相同（{phone}）：{older}（先登记）和{newer}。可能是同一个人被登记了两次。“合并”会把{newer}并入{older}：保留先登记的资料，备注合在一起，之后搜索不再出现{newer}（以往单据仍显示原名）。如果是两个人，请选“保留两位”。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="193" />
        <source>The clock of {device} is ahead: an edit of customer {customer} was stamped {stamp}, later than the server's time, so the server set it to {server}. Check that computer's date and time.</source>
        <translation>{device}的时钟比服务器快：客户“{customer}”的一次修改标记为 {stamp}，晚于服务器时间，服务器已将其改为 {server}。请检查那台电脑的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="204" />
        <source>Ticket {number} ({total}) had money handed back on two counters while they were offline: {amount} more was voided or refunded after {before}. Both are on the books as the counters recorded them. Check the drawers and the customer, then accept.</source>
        <translation>单据 {number}（{total}）在两台收银台离线时都退了钱：在{before}之后又作废或退款了 {amount}。两笔都按收银台的记录入账。请核对钱箱并联系顾客，然后接受。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="214" />
        <source>The server recorded a conflict of type “{type}”.</source>
        <translation>服务器记录了一条“{type}”类型的冲突。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="218" />
        <source>it had been voided</source>
        <translation>它已作废</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="219" />
        <source>it had been refunded</source>
        <translation>它已退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="220" />
        <source>refunds had reached what the sale took</source>
        <translation>退款已达到实收金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="221" />
        <source>an earlier void or refund</source>
        <translation>先前的作废或退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="225" />
        <source>“{item}”: paid at {paid}, the server's price is {server}</source>
        <translation>“{item}”按 {paid} 收款，总部价格为 {server}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="233" />
        <source>Ticket {number} was sold while the server had other prices: {lines}. A completed sale is never changed: the customer paid the counter's price. Accept to close this; if the catalog price is wrong, correct it at the server.</source>
        <translation>单据 {number} 售出时，总部的价格与收银台不同：{lines}。已完成的销售不会更改，顾客按收银台的价格付款。点“接受”关闭此冲突；如价目有误，请在总部修改。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="238" />
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="245" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="242" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
</TS>