<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="70" />
        <source>Receive goods</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="79" />
        <source>Add one package</source>
        <translation>加一件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="86" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="95" />
        <source>Receive purchase order {number}</source>
        <translation>采购单 {number} 到货入库</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="128" />
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="142" />
        <source>All of it came</source>
        <translation>全部到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="145" />
        <source>Scan each package's barcode, or pick the product and add it.</source>
        <translation>逐件扫描条码，或选择商品后点“加一件”。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="149" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="154" />
        <source>Purchase order {number}: {due} packages still to come</source>
        <translation>采购单 {number}：还有 {due} 件未到货</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="169" />
        <source>Selected line</source>
        <translation>选中的行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="172" />
        <source>Packages</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="173" />
        <source>Batch code</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="174" />
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="175" />
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="176" />
        <source>Cost per package (yuan)</source>
        <translation>每件进价（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="292" />
        <source>Scan or add the goods received first.</source>
        <translation>请先扫描或添加入库的商品。</translation>
    </message>
</context>
</TS>
