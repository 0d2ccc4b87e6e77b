<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogItemDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="53" />
        <source>Edit service</source>
        <translation>编辑服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="54" />
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="55" />
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="56" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="68" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="69" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="70" />
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="84" />
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="85" />
        <source>Skill needed</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="87" />
        <source>SKU</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="88" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="89" />
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
</context>
</TS>