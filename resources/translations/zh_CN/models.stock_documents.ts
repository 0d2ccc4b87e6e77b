<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="150" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="151" />
        <source>Packages</source>
        <translation>包装数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="152" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="153" />
        <source>Cost / package</source>
        <translation>每包装成本</translation>
    </message>
</context>
<context>
    <name>OrderStates</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="82" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="83" />
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="84" />
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="85" />
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="86" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="100" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="101" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="102" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="103" />
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="104" />
        <source>Packages</source>
        <translation>包装数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="105" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="106" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="35" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="36" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="37" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="38" />
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="39" />
        <source>Diff.</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="40" />
        <source>Value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="41" />
        <source>Used, books</source>
        <translation>理论耗用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="42" />
        <source>Used, count</source>
        <translation>实际耗用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="47" />
        <source>Not counted</source>
        <translation>未盘</translation>
    </message>
</context>
<context>
    <name>TransfersModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="178" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="179" />
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="180" />
        <source>Other store</source>
        <translation>对方门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="181" />
        <source>Sent on</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="182" />
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="183" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="187" />
        <source>Incoming</source>
        <translation>调入</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="187" />
        <source>Sent out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="191" />
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="194" />
        <source>Arrived, short by {units}</source>
        <translation>已收货，短少 {units}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_documents.py" line="195" />
        <source>Arrived</source>
        <translation>已收货</translation>
    </message>
</context>
</TS>
