<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="63" />
        <source>Receive goods</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="72" />
        <source>Add one package</source>
        <translation>加一件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="79" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="97" />
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="110" />
        <source>Scan each package's barcode, or pick the product and add it.</source>
        <translation>逐件扫描条码，或选择商品后点“加一件”。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="114" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="125" />
        <source>Selected line</source>
        <translation>选中的行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="128" />
        <source>Packages</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="129" />
        <source>Batch code</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="130" />
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="131" />
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="132" />
        <source>Cost per package (yuan)</source>
        <translation>每件进价（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stock_receive.py" line="247" />
        <source>Scan or add the goods received first.</source>
        <translation>请先扫描或添加入库的商品。</translation>
    </message>
</context>
</TS>
