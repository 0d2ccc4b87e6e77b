<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PurchaseOrderDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="44" />
        <source>Edit order {number}</source>
        <translation>修改采购单 {number}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="45" />
        <source>New purchase order</source>
        <translation>新建采购单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="49" />
        <source>No supplier</source>
        <translation>（未指定供应商）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="59" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="69" />
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="81" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="82" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="87" />
        <source>Packages</source>
        <translation>包装数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/purchase_order.py" line="89" />
        <source>Cost per package (yuan)</source>
        <translation>每包装成本（元）</translation>
    </message>
</context>
</TS>
