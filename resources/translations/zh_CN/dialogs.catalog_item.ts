<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogItemDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="60" />
        <source>Edit service</source>
        <translation>编辑服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="61" />
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="62" />
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="63" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="75" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="76" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="77" />
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="82" />
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="83" />
        <source>Not for points</source>
        <translation>不可兑换</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="85" />
        <source>The points a member pays for one, instead of money</source>
        <translation>会员用积分兑换一件（次）所需积分，代替付钱</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="91" />
        <source>Sell only after a valid patch test (皮试)</source>
        <translation>须有有效皮试方可销售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="105" />
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="106" />
        <source>Skill needed</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="107" />
        <source>Patch test</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="111" />
        <source>Consumables</source>
        <translation>耗材</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="112" />
        <source>What one of this service uses up</source>
        <translation>每做一次此服务消耗的商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="114" />
        <source>SKU</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="115" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="116" />
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="117" />
        <source>Stock unit</source>
        <translation>库存单位</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="118" />
        <source>Package holds</source>
        <translation>每包装含</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="119" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="120" />
        <source>Redeem for points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="140" />
        <source>Each batch received needs an expiry date</source>
        <translation>每批入库须填写有效期</translation>
    </message>
</context>
</TS>
