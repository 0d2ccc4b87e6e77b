<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogItemDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="51" />
        <source>Edit service</source>
        <translation>编辑服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="52" />
        <source>New service</source>
        <translation>新增服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="53" />
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="54" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="66" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="67" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="68" />
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="73" />
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="74" />
        <source>Not for points</source>
        <translation>不可兑换</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="76" />
        <source>The points a member pays for one, instead of money</source>
        <translation>会员用积分兑换一件（次）所需积分，代替付钱</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="82" />
        <source>Sell only after a valid patch test (皮试)</source>
        <translation>须有有效皮试方可销售</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="93" />
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="94" />
        <source>Skill needed</source>
        <translation>所需技能</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="95" />
        <source>Patch test</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="97" />
        <source>SKU</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="98" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="99" />
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/catalog_item.py" line="100" />
        <source>Redeem for points</source>
        <translation>积分兑换</translation>
    </message>
</context>
</TS>
