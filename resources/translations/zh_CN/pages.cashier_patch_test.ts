<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatchTestGate</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_patch_test.py" line="82"/>
        <source>sell {service} without a valid patch test</source>
        <translation>在没有有效皮试的情况下销售{service}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_patch_test.py" line="106"/>
        <source>{service}: {manager} approved it without a valid patch test.</source>
        <translation>{service}：{manager}已批准在无有效皮试的情况下销售。</translation>
    </message>
</context>
</TS>
