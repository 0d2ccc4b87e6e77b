<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="23"/>
        <source>Join a store</source>
        <translation>加入门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="26"/>
        <source>The owner makes an enrollment code for this counter on the server; it works once.</source>
        <translation>老板在服务器上为本收银台生成注册码，注册码只能使用一次。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="31"/>
        <source>such as A2</source>
        <translation>例如 A2</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="33"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="34"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="35"/>
        <source>Counter prefix</source>
        <translation>收银台前缀</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="38"/>
        <source>Each counter of the store has its own ticket prefix: the server refuses one that another counter uses.</source>
        <translation>店内每台收银台的单号前缀各不相同：其他收银台已在用的前缀，服务器会拒绝。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="66"/>
        <source>Contacting the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
</context>
<context>
    <name>PullPage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="77"/>
        <source>Getting the store&apos;s data</source>
        <translation>下载门店数据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="80"/>
        <source>Staff, catalog, settings and customers come from the server before the first sale.</source>
        <translation>首笔销售前，从服务器下载员工、项目商品、设置和客户。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="91"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="93"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="127"/>
        <source>Asking the server what the store holds…</source>
        <translation>正在向服务器查询门店数据…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="145"/>
        <source>{pulled} of {total} changes received</source>
        <translation>已接收 {pulled} / {total} 条变更</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="153"/>
        <source>Stopping after the changes being saved…</source>
        <translation>保存完当前变更后停止…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="162"/>
        <source>{staff} staff, {items} catalog items and {customers} customers are here.</source>
        <translation>本机已有 {staff} 名员工、{items} 个项目商品、{customers} 位客户。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/join_pages.py" line="165"/>
        <source>Stopped; the rest comes with the next sync. </source>
        <translation>已停止，其余数据将在下次同步时下载。</translation>
    </message>
</context>
</TS>
