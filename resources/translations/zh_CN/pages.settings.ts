<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="45"/>
        <source>Test print</source>
        <translation>打印测试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="48"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="58"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="99"/>
        <source>Nothing has changed.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="102"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="125"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="139"/>
        <source>Choose the type of printer first.</source>
        <translation>请先选择打印机类型。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="142"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="154"/>
        <source>The test page was sent to {target}: check that the Chinese and ￥ print well.</source>
        <translation>测试页已发送到 {target}，请检查中文和￥是否打印正常。</translation>
    </message>
</context>
</TS>
