<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatchTestTableModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="20"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="21"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="22"/>
        <source>Tested</source>
        <translation>测试内容</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="23"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="24"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="28"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="28"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/patch_tests.py" line="32"/>
        <source>category {name}</source>
        <translation>分类 {name}</translation>
    </message>
</context>
</TS>
