<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TransfersTab</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_transfers.py" line="36" />
        <source>Send to another store…</source>
        <translation>调拨发货…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_transfers.py" line="38" />
        <source>Receive…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_transfers.py" line="81" />
        <source>This counter knows no other store yet: sync with the server first.</source>
        <translation>本收银台还不知道其他门店：请先与总部同步。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_transfers.py" line="108" />
        <source> (arrived {units})</source>
        <translation>（实收 {units}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_transfers.py" line="110" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
</TS>
