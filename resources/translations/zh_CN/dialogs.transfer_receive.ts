<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReceiveTransferDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="29" />
        <source>Receive transfer {number} from {store}</source>
        <translation>调拨单 {number} 收货（来自 {store}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="35" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="35" />
        <source>Sent</source>
        <translation>发出数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="35" />
        <source>Arrived</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="35" />
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="63" />
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_receive.py" line="72" />
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
</TS>
