<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="16"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="16"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="20"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="21"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="22"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="23"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="24"/>
        <source>Minutes / SKU</source>
        <translation>时长 / 编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="25"/>
        <source>Skill / barcode</source>
        <translation>技能 / 条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="26"/>
        <source>Patch test</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="27"/>
        <source>Shown</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="27"/>
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="40"/>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
</context>
</TS>
