<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerImport</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="21" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="37" />
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="37" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="46" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
</context>
</TS>