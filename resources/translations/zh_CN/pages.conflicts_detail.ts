<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDetail</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="49"/>
        <source>Choose a conflict to see what happened.</source>
        <translation>选择一条冲突，查看发生了什么。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="63"/>
        <source>Note: why (a write-off needs the reason)</source>
        <translation>备注：原因（注销时必须写明）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="123"/>
        <source>Suggested: {resolution}</source>
        <translation>建议：{resolution}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="136"/>
        <source>The server refused the last decision ({reason}); decide again.</source>
        <translation>服务器拒绝了上一次的处理（{reason}），请重新处理。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="140"/>
        <source>“{resolution}” was chosen; waiting for the server to confirm.</source>
        <translation>已选择“{resolution}”，等待服务器确认。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="145"/>
        <source>Resolved: {resolution}, by {who}.</source>
        <translation>已处理：{resolution}，处理人：{who}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="149"/>
        <source>Resolved: {resolution}.</source>
        <translation>已处理：{resolution}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/conflicts_detail.py" line="150"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
</context>
</TS>
