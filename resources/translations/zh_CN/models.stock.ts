<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="110"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="111"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="112"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="113"/>
        <source>Left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="114"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="120"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="122"/>
        <source>Today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="123"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="45"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="46"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="47"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="48"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="49"/>
        <source>Unit cost</source>
        <translation>每件成本</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="50"/>
        <source>Value</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="60"/>
        <source>{units} ({packs} packs)</source>
        <translation>{units}（{packs} 件）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="68"/>
        <source>Below zero</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="69"/>
        <source>Low</source>
        <translation>库存不足</translation>
    </message>
</context>
<context>
    <name>StockUnits</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="20"/>
        <source>pcs</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="21"/>
        <source>ml</source>
        <translation>毫升</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="22"/>
        <source>g</source>
        <translation>克</translation>
    </message>
</context>
<context>
    <name>SuggestedOrderModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="82"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="83"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="84"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="85"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="86"/>
        <source>Order packages</source>
        <translation>建议订购件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/stock.py" line="87"/>
        <source>About</source>
        <translation>约合成本</translation>
    </message>
</context>
</TS>
