<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="135"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="136"/>
        <source>Packages</source>
        <translation>包装数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="137"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="138"/>
        <source>Cost / package</source>
        <translation>每包装成本</translation>
    </message>
</context>
<context>
    <name>OrderStates</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="83"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="84"/>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="85"/>
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="86"/>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="87"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="101"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="102"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="103"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="104"/>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="105"/>
        <source>Packages</source>
        <translation>包装数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="106"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="107"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="36"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="37"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="38"/>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="39"/>
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="40"/>
        <source>Diff.</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="41"/>
        <source>Value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="42"/>
        <source>Used, books</source>
        <translation>理论耗用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="43"/>
        <source>Used, count</source>
        <translation>实际耗用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="48"/>
        <source>Not counted</source>
        <translation>未盘</translation>
    </message>
</context>
<context>
    <name>TransfersModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="163"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="164"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="165"/>
        <source>Other store</source>
        <translation>对方门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="166"/>
        <source>Sent on</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="167"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="168"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="172"/>
        <source>Incoming</source>
        <translation>调入</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="172"/>
        <source>Sent out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="176"/>
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="179"/>
        <source>Arrived, short by {units}</source>
        <translation>已收货，短少 {units}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="180"/>
        <source>Arrived</source>
        <translation>已收货</translation>
    </message>
</context>
</TS>
