<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WriteOffDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="22" />
        <source>Write off stock</source>
        <translation>报损</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="36" />
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="36" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="36" />
        <source>Used in the salon</source>
        <translation>店内自用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="40" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="44" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="45" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="46" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="47" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="76" />
        <source>Earliest expiry first</source>
        <translation>先到期的先出（自动）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="80" />
        <source>{code}, {left} left</source>
        <translation>{code}，剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_write_off.py" line="82" />
        <source>{code} expires {date}, {left} left</source>
        <translation>{code}，{date} 到期，剩 {left}</translation>
    </message>
</context>
</TS>
