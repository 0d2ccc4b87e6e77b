<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="15" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="15" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="19" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="20" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="21" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="22" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="23" />
        <source>Minutes / SKU</source>
        <translation>时长 / 编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="24" />
        <source>Skill / barcode</source>
        <translation>技能 / 条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="25" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="25" />
        <source>Shown</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/catalog.py" line="25" />
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
</context>
</TS>