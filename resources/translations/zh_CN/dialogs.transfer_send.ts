<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SendLinesModel</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="43"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="44"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>SendTransferDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="61"/>
        <source>Send stock to another store</source>
        <translation>调拨到其他门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="77"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="79"/>
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="84"/>
        <source>To store</source>
        <translation>调入门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="85"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/transfer_send.py" line="99"/>
        <source>This counter knows no other store yet: sync with the server first.</source>
        <translation>本收银台还不知道其他门店：请先与总部同步。</translation>
    </message>
</context>
</TS>
