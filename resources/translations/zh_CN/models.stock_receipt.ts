<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="30"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="31"/>
        <source>Packages</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="32"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="33"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="34"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="35"/>
        <source>Cost / package</source>
        <translation>每件成本</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock_receipt.py" line="50"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
</TS>
