<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerImport</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="34" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="41" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="55" />
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="57" />
        <source>CSV or Excel text files (*.csv *.txt)</source>
        <translation>CSV 或 Excel 文本文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="90" />
        <source>Importing {name}: {done} / {total} rows · {rate} rows/s · {left} left</source>
        <translation>正在导入 {name}：{done} / {total} 行 · {rate} 行/秒 · 还需 {left}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="105" />
        <source>Stopping after the rows being saved…</source>
        <translation>正在停止：保存完当前这批后停止…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="68" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
</context>
</TS>