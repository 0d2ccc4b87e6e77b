<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="46"/>
        <source>Test print</source>
        <translation>打印测试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="49"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="61"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="113"/>
        <source>Nothing has changed.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="116"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="139"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="153"/>
        <source>Choose the type of printer first.</source>
        <translation>请先选择打印机类型。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="156"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="168"/>
        <source>The test page was sent to {target}: check that the Chinese and ￥ print well.</source>
        <translation>测试页已发送到 {target}，请检查中文和￥是否打印正常。</translation>
    </message>
</context>
</TS>
