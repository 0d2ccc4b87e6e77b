<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="77"/>
        <source>Welcome to Salon POS</source>
        <translation>欢迎使用 Salon POS 美业收银</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="78"/>
        <source>Set up this counter. It takes a minute.</source>
        <translation>设置本收银台，只需一分钟。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="79"/>
        <source>Set up a new store</source>
        <translation>开设新门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="82"/>
        <source>Join a store that already uses Salon POS</source>
        <translation>加入已在使用 Salon POS 的门店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="85"/>
        <source>The first counter of a salon: its name, its manager.</source>
        <translation>门店的第一台收银台：填写门店名称和店长。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="89"/>
        <source>Another counter of a salon, with the server&apos;s address and an enrollment code from the owner: its staff, catalog and customers come from the server.</source>
        <translation>门店的另一台收银台：填写服务器地址和老板给的注册码，员工、项目商品和客户从服务器下载。</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="171"/>
        <source>The first manager</source>
        <translation>第一位店长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="174"/>
        <source>The manager signs in with this PIN, approves voids and refunds, and adds the other staff.</source>
        <translation>店长用此 PIN 登录、审批作废和退款，并添加其他员工。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="178"/>
        <source>such as 王店长</source>
        <translation>例如 王店长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="181"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="182"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN（4 到 8 位数字）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="183"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="210"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="211"/>
        <source>Optional: you can set it up later in Settings.</source>
        <translation>可选：也可以稍后在“设置”中配置。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="218"/>
        <source>Test print</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="252"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="257"/>
        <source>Choose the type of printer first.</source>
        <translation>请先选择打印机类型。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="260"/>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="271"/>
        <source>The test page was sent: check that the Chinese and ￥ print well.</source>
        <translation>测试页已发送：请检查中文和 ￥ 是否打印正常。</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="107"/>
        <source>Your store</source>
        <translation>门店信息</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="108"/>
        <source>You can change the store&apos;s details later in Settings.</source>
        <translation>门店信息以后可在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="109"/>
        <source>such as 丽人美容 (Huaihai Road)</source>
        <translation>例如 丽人美容（淮海路店）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="119"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="120"/>
        <source>Counter prefix</source>
        <translation>收银台前缀</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="125"/>
        <source>Tickets of this counter are numbered A1-0001, A1-0002…; each counter of a store has its own prefix, and it cannot change after the first sale.</source>
        <translation>本收银台的单号为 A1-0001、A1-0002…；店内每台收银台的前缀各不相同，首笔销售后不能更改。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="131"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="132"/>
        <source>Business day starts at</source>
        <translation>营业日开始时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/setup/store_pages.py" line="137"/>
        <source>A sale before this hour counts for the day before (for a salon open past midnight).</source>
        <translation>此时间之前的销售计入前一营业日（适用于营业到午夜以后的门店）。</translation>
    </message>
</context>
</TS>
