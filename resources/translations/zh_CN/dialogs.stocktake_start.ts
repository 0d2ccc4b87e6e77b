<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StartStocktakeDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stocktake_start.py" line="23" />
        <source>Start a stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stocktake_start.py" line="24" />
        <source>The whole store</source>
        <translation>全店盘点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stocktake_start.py" line="26" />
        <source>Only these categories:</source>
        <translation>只盘以下分类：</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/stocktake_start.py" line="59" />
        <source>Tick the categories to count.</source>
        <translation>请勾选要盘点的分类。</translation>
    </message>
</context>
</TS>
