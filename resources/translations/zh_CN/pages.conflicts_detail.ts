<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDetail</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="35" />
        <source>Choose a conflict to see what happened.</source>
        <translation>选择一条冲突，查看发生了什么。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="104" />
        <source>Suggested: {resolution}</source>
        <translation>建议：{resolution}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="115" />
        <source>The server refused the last decision ({reason}); decide again.</source>
        <translation>服务器拒绝了上一次的处理（{reason}），请重新处理。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="119" />
        <source>“{resolution}” was chosen; waiting for the server to confirm.</source>
        <translation>已选择“{resolution}”，等待服务器确认。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="123" />
        <source>Resolved: {resolution}, by {who}.</source>
        <translation>已处理：{resolution}，处理人：{who}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="126" />
        <source>Resolved: {resolution}.</source>
        <translation>已处理：{resolution}。</translation>
    </message>
</context>
</TS>