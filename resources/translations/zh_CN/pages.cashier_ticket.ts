<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="58" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="67" />
        <source>Remove  Del</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="60" />
        <source>Line ¥ off</source>
        <translation>单项优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="63" />
        <source>Points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="65" />
        <source>Pay this line with the customer's points</source>
        <translation>用顾客的积分兑换这一项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="71" />
        <source>¥ off</source>
        <translation>整单优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="112" />
        <source>Ticket discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="172" />
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="179" />
        <source>No items yet: tap a service or scan a product</source>
        <translation>还没有项目：点选项目或扫描商品条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="181" />
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="184" />
        <source>Discounts {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="187" />
        <source>Rounding {amount}</source>
        <translation>抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="190" />
        <source>{count} items</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="202" />
        <source>Choose technician…</source>
        <translation>选择技师…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="207" />
        <source>No technician (product)</source>
        <translation>商品无需技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="219" />
        <source>Pay this line with {points} points a unit</source>
        <translation>用积分兑换这一项：每件（次）{points} 积分</translation>
    </message>
</context>
</TS>
