<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="24" />
        <source>Server: not connected</source>
        <translation>服务器：未连接</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="25" />
        <location filename="../../../salon_pos/ui/status_bar.py" line="57" />
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="44" />
        <source>Business day {day}</source>
        <translation>营业日 {day}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="49" />
        <source>Waiting to sync: {count}</source>
        <translation>待同步：{count}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="53" />
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="59" />
        <source>Printer: {problem}</source>
        <translation>打印机：{problem}</translation>
    </message>
</context>
</TS>