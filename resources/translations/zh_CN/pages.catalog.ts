<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="57" />
        <source>Services and products</source>
        <translation>服务和商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="58" />
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="59" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="63" />
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编号或条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="66" />
        <source>Show hidden</source>
        <translation>显示已隐藏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="70" />
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="72" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="74" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="76" />
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="162" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="78" />
        <source>Rename category…</source>
        <translation>重命名分类…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="80" />
        <source>Rooms and beds…</source>
        <translation>房间/床位…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="105" />
        <source>Catalog</source>
        <translation>价目表</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="148" />
        <source>{count} items</source>
        <translation>共 {count} 项</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/catalog.py" line="162" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
</TS>
