<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="156" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="156" />
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="156" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="156" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="61" />
        <source>Price mismatch</source>
        <translation>价格不一致</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="62" />
        <source>Profile field overwritten</source>
        <translation>资料被覆盖</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="63" />
        <source>Clock ahead</source>
        <translation>时钟超前</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="64" />
        <source>Duplicate customer</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="65" />
        <source>Money handed back twice</source>
        <translation>重复退款</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="70" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="71" />
        <source>Resolving</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="72" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="77" />
        <source>Keep the current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="79" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="80" />
        <source>Use the other value</source>
        <translation>改用另一值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="81" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="82" />
        <source>Keep both</source>
        <translation>保留两位</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="87" />
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="88" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="89" />
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="90" />
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="91" />
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="108" />
        <source>this counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="109" />
        <source>another counter ({device})</source>
        <translation>另一台收银机（{device}）</translation>
    </message>
</context>
</TS>