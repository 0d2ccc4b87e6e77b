<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="87" />
        <source>{width} mm</source>
        <translation>{width} 毫米</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="97" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="101" />
        <source>No rounding</source>
        <translation>不抹零</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="102" />
        <source>Drop fen (¥12.34 → ¥12.30)</source>
        <translation>抹分（￥12.34 → ￥12.30）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="103" />
        <source>Drop jiao (¥12.34 → ¥12.00)</source>
        <translation>抹角（￥12.34 → ￥12.00）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="150" />
        <source> visits</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="110" />
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="150" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="117" />
        <source>Gateway address; empty: written to a file in the data folder</source>
        <translation>短信网关地址；留空则写入本机数据目录中的提醒文件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="120" />
        <source>JSON body; empty: the default</source>
        <translation>网关请求体 JSON 模板；留空用默认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="172" />
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="173" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="174" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="176" />
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="186" />
        <source>Customer classes (store-wide)</source>
        <translation>客户分类（全店同步）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="192" />
        <source>Member from</source>
        <translation>会员：满</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="193" />
        <source>VIP from</source>
        <translation>VIP：满</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="198" />
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="200" />
        <source>Not seen for</source>
        <translation>未到店提示</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="217" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="219" />
        <source>Printer type</source>
        <translation>打印机类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="220" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="222" />
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="232" />
        <source>Language at start</source>
        <translation>启动语言</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="180" />
        <source>Idle lock (minutes)</source>
        <translation>自动锁屏（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="78" />
        <source>:00</source>
        <translation> 点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="109" />
        <source>Never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="112" />
        <source>This counter sends reminders (store without a server)</source>
        <translation>由本收银台发送提醒短信（门店未连服务器时）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="122" />
        <source>Fields: {to} (the phone), {text} (the message), {key} (its unique key)</source>
        <translation>可用的占位：{to}（手机号）、{text}（短信内容）、{key}（每条唯一的编号）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="131" />
        <source>Blind close: count before seeing the expected cash</source>
        <translation>盲点交班：清点前不显示应有现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="135" />
        <source>Any variance</source>
        <translation>有差额即须</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="163" />
        <source>Off</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="169" />
        <source>Store-wide settings (synced to every counter)</source>
        <translation>全店设置（所有收银台同步）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="175" />
        <source>Receipt header</source>
        <translation>小票抬头</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="177" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="178" />
        <source>Business day starts at</source>
        <translation>营业日开始于</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="179" />
        <source>Rounding rule</source>
        <translation>抹零规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="181" />
        <source>Patch test valid for</source>
        <translation>皮试有效期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="206" />
        <source>Cash drawer (store-wide)</source>
        <translation>钱箱交班（全店）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="211" />
        <source>A variance needs a reason above</source>
        <translation>差额超过此数须写原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="212" />
        <source>A manager's PIN above</source>
        <translation>差额超过此数须店长 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="213" />
        <source>A pay-out needs a PIN above</source>
        <translation>支出超过此数须店长 PIN</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="229" />
        <source>This counter's settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="234" />
        <source>Ticket number prefix</source>
        <translation>单号前缀</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="236" />
        <source>SMS gateway</source>
        <translation>短信网关</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="237" />
        <source>Gateway body</source>
        <translation>网关请求体</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="257" />
        <source>This window is in {language} for now (chosen when the app started).</source>
        <translation>本窗口当前使用 {language}（启动时指定）。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="324" />
        <source>No printer</source>
        <translation>不使用打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="325" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="326" />
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="327" />
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="328" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="330" />
        <source>In memory (tests)</source>
        <translation>内存（测试用）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="334" />
        <source>host:port, such as 192.168.1.50:9100</source>
        <translation>主机:端口，例如 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="335" />
        <source>vendor:product, such as 0416:5011</source>
        <translation>厂商:产品，例如 0416:5011</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="336" />
        <source>port, such as /dev/ttyUSB0 or COM3</source>
        <translation>串口，例如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="337" />
        <source>file path, such as /dev/usb/lp0</source>
        <translation>文件路径，例如 /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="343" />
        <source>No receipts are printed at this counter.</source>
        <translation>本收银台不打印小票。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="344" />
        <source>The printer's network address; the port defaults to 9100.</source>
        <translation>打印机的网络地址；端口默认为 9100。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="346" />
        <source>The USB vendor and product IDs in hexadecimal, from the printer's label or manual.</source>
        <translation>USB 厂商编号和产品编号（十六进制），见打印机铭牌或说明书。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="349" />
        <source>Add the baud rate after a colon if it is not 9600, such as COM3:19200.</source>
        <translation>波特率不是 9600 时，在后面加冒号和波特率，例如 COM3:19200。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="351" />
        <source>A file or a printer device; each receipt is added to its end.</source>
        <translation>文件或打印机设备；每张小票追加写在末尾。</translation>
    </message>
</context>
</TS>
