<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="174" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="175" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="176" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="177" />
        <source>Left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="178" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="184" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="186" />
        <source>Today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="187" />
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="109" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="110" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="111" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="112" />
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="113" />
        <source>Unit cost</source>
        <translation>每件成本</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="114" />
        <source>Value</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="115" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="124" />
        <source>{units} ({packs} packs)</source>
        <translation>{units}（{packs} 件）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="132" />
        <source>Below zero</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="133" />
        <source>Low</source>
        <translation>库存不足</translation>
    </message>
</context>
<context>
    <name>StockUnits</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="27" />
        <source>pcs</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="28" />
        <source>ml</source>
        <translation>毫升</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="29" />
        <source>g</source>
        <translation>克</translation>
    </message>
</context>
<context>
    <name>SuggestedOrderModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="146" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="147" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="148" />
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="149" />
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="150" />
        <source>Order packages</source>
        <translation>建议订购件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="151" />
        <source>About</source>
        <translation>约合成本</translation>
    </message>
</context>
</TS>
