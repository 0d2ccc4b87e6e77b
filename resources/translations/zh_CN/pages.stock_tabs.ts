<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExpiringView</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="140"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="146"/>
        <source>Expiring within</source>
        <translation>到期时间在</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="159"/>
        <source>{count} batches, {expired} of them expired</source>
        <translation>共 {count} 个批次，其中 {expired} 个已过期</translation>
    </message>
</context>
<context>
    <name>OnHandView</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="49"/>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="56"/>
        <source>Low only</source>
        <translation>只看库存不足</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="85"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="110"/>
        <source>{count} products, value at cost {value} (all stock: {all})</source>
        <translation>{count} 种商品，成本金额 {value}（全部库存：{all}）</translation>
    </message>
</context>
<context>
    <name>SuggestedOrderView</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_tabs.py" line="182"/>
        <source>{count} products to order, about {cost} at cost</source>
        <translation>{count} 种商品需订货，约合成本 {cost}</translation>
    </message>
</context>
</TS>
