<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="79"/>
        <source>Clear  F8</source>
        <translation>清空  F8</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="83"/>
        <source>Pay  F9</source>
        <translation>收款  F9</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="186"/>
        <source>{name}: the records show no stock here ({on_hand}). You can still sell it; tell the manager.</source>
        <translation>{name}：本店账面无库存（{on_hand}）。仍可继续销售，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="336"/>
        <source>Choose the technician for {item}.</source>
        <translation>请为“{item}”选择技师。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="357"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="360"/>
        <source>No receipt printer.</source>
        <translation>未设置小票打印机，不打印小票。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="362"/>
        <source>Printing the receipt…</source>
        <translation>正在打印小票…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="375"/>
        <source>Paid {total} (ticket {number}), change {change}.</source>
        <translation>已收款 {total}（单号 {number}），找零 {change}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="379"/>
        <source>Now below zero in stock: {names}.</source>
        <translation>以下商品现为负库存：{names}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="380"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="384"/>
        <source>The drawer is not open: this cash counts as taken outside a drawer session.</source>
        <translation>本收银台尚未开班：这笔现金记为班次外收取的现金。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="391"/>
        <source>Receipt printed.</source>
        <translation>小票已打印。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier.py" line="400"/>
        <source>Paid, but the receipt was not printed: {reason} Reprint it from Tickets.</source>
        <translation>已收款，小票未打印：{reason}可在单据中重打。</translation>
    </message>
</context>
</TS>
