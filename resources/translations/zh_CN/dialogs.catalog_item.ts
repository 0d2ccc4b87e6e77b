<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogItemDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="43"/>
        <source>Edit service</source>
        <translation>编辑服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="44"/>
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="45"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="46"/>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="58"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="59"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="60"/>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="66"/>
        <source>Sell only after a valid patch test (皮试)</source>
        <translation>须有有效皮试方可销售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="77"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="78"/>
        <source>Skill needed</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="79"/>
        <source>Patch test</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="81"/>
        <source>SKU</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="82"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="83"/>
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
</context>
</TS>
