<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatchTestDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="43"/>
        <source>Patch tests: {name}</source>
        <translation>皮试记录：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="53"/>
        <source>No patch test on file yet.</source>
        <translation>尚无皮试记录。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="59"/>
        <source>Passed</source>
        <translation>通过（阴性）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="60"/>
        <source>Failed</source>
        <translation>未通过（阳性）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="67"/>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="73"/>
        <source>Product, reaction, anything worth knowing</source>
        <translation>所用产品、反应等需要记下的情况</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="74"/>
        <source>Record test</source>
        <translation>记录皮试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="91"/>
        <source>Category: {name}</source>
        <translation>分类：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="94"/>
        <source>A service, a category, or a few words</source>
        <translation>选择服务、分类，或直接填写</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="99"/>
        <source>Tested</source>
        <translation>测试内容</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="100"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="101"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="102"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="103"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/patch_test.py" line="151"/>
        <source>Patch test recorded.</source>
        <translation>皮试已记录。</translation>
    </message>
</context>
</TS>
