<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="86" />
        <source>{width} mm</source>
        <translation>{width} 毫米</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="96" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="100" />
        <source>No rounding</source>
        <translation>不抹零</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="101" />
        <source>Drop fen (¥12.34 → ¥12.30)</source>
        <translation>抹分（￥12.34 → ￥12.30）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="102" />
        <source>Drop jiao (¥12.34 → ¥12.00)</source>
        <translation>抹角（￥12.34 → ￥12.00）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="117" />
        <source> visits</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="109" />
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="117" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="139" />
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="140" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="141" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="143" />
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="153" />
        <source>Customer classes (store-wide)</source>
        <translation>客户分类（全店同步）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="159" />
        <source>Member from</source>
        <translation>会员：满</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="160" />
        <source>VIP from</source>
        <translation>VIP：满</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="165" />
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="167" />
        <source>Not seen for</source>
        <translation>未到店提示</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="172" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="174" />
        <source>Printer type</source>
        <translation>打印机类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="175" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="177" />
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="187" />
        <source>Language at start</source>
        <translation>启动语言</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="147" />
        <source>Idle lock (minutes)</source>
        <translation>自动锁屏（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="77" />
        <source>:00</source>
        <translation> 点</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="108" />
        <source>Never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="130" />
        <source>Off</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="136" />
        <source>Store-wide settings (synced to every counter)</source>
        <translation>全店设置（所有收银台同步）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="142" />
        <source>Receipt header</source>
        <translation>小票抬头</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="144" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="145" />
        <source>Business day starts at</source>
        <translation>营业日开始于</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="146" />
        <source>Rounding rule</source>
        <translation>抹零规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="148" />
        <source>Patch test valid for</source>
        <translation>皮试有效期</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="184" />
        <source>This counter's settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="189" />
        <source>Ticket number prefix</source>
        <translation>单号前缀</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="209" />
        <source>This window is in {language} for now (chosen when the app started).</source>
        <translation>本窗口当前使用 {language}（启动时指定）。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="260" />
        <source>No printer</source>
        <translation>不使用打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="261" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="262" />
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="263" />
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="264" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="266" />
        <source>In memory (tests)</source>
        <translation>内存（测试用）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="270" />
        <source>host:port, such as 192.168.1.50:9100</source>
        <translation>主机:端口，例如 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="271" />
        <source>vendor:product, such as 0416:5011</source>
        <translation>厂商:产品，例如 0416:5011</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="272" />
        <source>port, such as /dev/ttyUSB0 or COM3</source>
        <translation>串口，例如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="273" />
        <source>file path, such as /dev/usb/lp0</source>
        <translation>文件路径，例如 /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="279" />
        <source>No receipts are printed at this counter.</source>
        <translation>本收银台不打印小票。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="280" />
        <source>The printer's network address; the port defaults to 9100.</source>
        <translation>打印机的网络地址；端口默认为 9100。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="282" />
        <source>The USB vendor and product IDs in hexadecimal, from the printer's label or manual.</source>
        <translation>USB 厂商编号和产品编号（十六进制），见打印机铭牌或说明书。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="285" />
        <source>Add the baud rate after a colon if it is not 9600, such as COM3:19200.</source>
        <translation>波特率不是 9600 时，在后面加冒号和波特率，例如 COM3:19200。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="287" />
        <source>A file or a printer device; each receipt is added to its end.</source>
        <translation>文件或打印机设备；每张小票追加写在末尾。</translation>
    </message>
</context>
</TS>
