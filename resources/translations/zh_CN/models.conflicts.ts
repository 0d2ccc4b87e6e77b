<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="152" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="152" />
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="152" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="152" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="60" />
        <source>Price mismatch</source>
        <translation>价格不一致</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="61" />
        <source>Profile field overwritten</source>
        <translation>资料被覆盖</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="62" />
        <source>Clock ahead</source>
        <translation>时钟超前</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="63" />
        <source>Duplicate customer</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="68" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="69" />
        <source>Resolving</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="70" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="75" />
        <source>Keep the current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="77" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="78" />
        <source>Use the other value</source>
        <translation>改用另一值</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="79" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="80" />
        <source>Keep both</source>
        <translation>保留两位</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="85" />
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="86" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="87" />
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="88" />
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="89" />
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="106" />
        <source>this counter</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/models/conflicts.py" line="107" />
        <source>another counter ({device})</source>
        <translation>另一台收银机（{device}）</translation>
    </message>
</context>
</TS>