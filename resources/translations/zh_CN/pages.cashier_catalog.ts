<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogPanel</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_catalog.py" line="170"/>
        <source>Search items (name or pinyin)  F7</source>
        <translation>搜索项目或商品（名称或拼音首字母）  F7</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_catalog.py" line="204"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_catalog.py" line="241"/>
        <source>{count} more: type to narrow the search</source>
        <translation>还有 {count} 项未显示，请输入关键字缩小范围</translation>
    </message>
</context>
</TS>
