<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="58"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="62"/>
        <source>Remove  Del</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="60"/>
        <source>Line ¥ off</source>
        <translation>单项优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="66"/>
        <source>¥ off</source>
        <translation>整单优惠 ¥</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="106"/>
        <source>Ticket discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="166"/>
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="173"/>
        <source>No items yet: tap a service or scan a product</source>
        <translation>还没有项目：点选项目或扫描商品条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="175"/>
        <source>Subtotal {amount}</source>
        <translation>小计 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="178"/>
        <source>Discounts {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="181"/>
        <source>Rounding {amount}</source>
        <translation>抹零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="184"/>
        <source>{count} items</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="196"/>
        <source>Choose technician…</source>
        <translation>选择技师…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_ticket.py" line="201"/>
        <source>No technician (product)</source>
        <translation>商品无需技师</translation>
    </message>
</context>
</TS>
