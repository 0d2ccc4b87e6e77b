<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="55"/>
        <source>Services and products</source>
        <translation>服务和商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="56"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="57"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="61"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编号或条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="64"/>
        <source>Show hidden</source>
        <translation>显示已隐藏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="68"/>
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="70"/>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="72"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="74"/>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="156"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="76"/>
        <source>Rename category…</source>
        <translation>重命名分类…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="100"/>
        <source>Catalog</source>
        <translation>价目表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="142"/>
        <source>{count} items</source>
        <translation>共 {count} 项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="156"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
</TS>
