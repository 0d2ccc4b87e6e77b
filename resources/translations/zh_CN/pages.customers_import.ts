<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CsvImport</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="51"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="72"/>
        <source>Import a CSV file</source>
        <translation>导入 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="74"/>
        <source>CSV or Excel text files (*.csv *.txt)</source>
        <translation>CSV 或 Excel 文本文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="86"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="108"/>
        <source>Importing {name}: {done} / {total} rows · {rate} rows/s · {left} left</source>
        <translation>正在导入 {name}：{done} / {total} 行 · {rate} 行/秒 · 还需 {left}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/customers_import.py" line="123"/>
        <source>Stopping after the rows being saved…</source>
        <translation>正在停止：保存完当前这批后停止…</translation>
    </message>
</context>
</TS>
