<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="62" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="79" />
        <source>Remove  Del</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="64" />
        <source>Line ¥ off</source>
        <translation>单项优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="67" />
        <source>Points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="69" />
        <source>Pay this line with the customer's points</source>
        <translation>用顾客的积分兑换这一项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="71" />
        <source>Requested</source>
        <translation>点钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="73" />
        <source>The customer asked for this technician by name</source>
        <translation>顾客点名要这位技师（点钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="75" />
        <source>Shared…</source>
        <translation>多人合作…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="76" />
        <source>Share this service between several technicians</source>
        <translation>这项服务由几位技师共同完成，按比例分成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="83" />
        <source>¥ off</source>
        <translation>整单优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="123" />
        <source>Ticket discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="195" />
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="202" />
        <source>No items yet: tap a service or scan a product</source>
        <translation>还没有项目：点选项目或扫描商品条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="204" />
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="207" />
        <source>Discounts {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="210" />
        <source>Rounding {amount}</source>
        <translation>抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="213" />
        <source>{count} items</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="225" />
        <source>Choose technician…</source>
        <translation>选择技师…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="229" />
        <source>No seller</source>
        <translation>未指定经办人</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="249" />
        <source>Pay this line with {points} points a unit</source>
        <translation>用积分兑换这一项：每件（次）{points} 积分</translation>
    </message>
</context>
</TS>
