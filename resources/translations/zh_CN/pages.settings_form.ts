<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="64" />
        <source>{width} mm</source>
        <translation>{width} 毫米</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="70" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="74" />
        <source>No rounding</source>
        <translation>不抹零</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="75" />
        <source>Drop fen (¥12.34 → ¥12.30)</source>
        <translation>抹分（￥12.34 → ￥12.30）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="76" />
        <source>Drop jiao (¥12.34 → ¥12.00)</source>
        <translation>抹角（￥12.34 → ￥12.00）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="83" />
        <source>Store</source>
        <translation>门店信息</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="85" />
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="86" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="87" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="88" />
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="92" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="94" />
        <source>Printer type</source>
        <translation>打印机类型</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="95" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="97" />
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="103" />
        <source>This counter</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="105" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="106" />
        <source>Idle lock (minutes)</source>
        <translation>自动锁屏（分钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="107" />
        <source>Rounding rule</source>
        <translation>抹零规则</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="157" />
        <source>No printer</source>
        <translation>不使用打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="158" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="159" />
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="160" />
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="161" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="163" />
        <source>In memory (tests)</source>
        <translation>内存（测试用）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="167" />
        <source>host:port, such as 192.168.1.50:9100</source>
        <translation>主机:端口，例如 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="168" />
        <source>vendor:product, such as 0416:5011</source>
        <translation>厂商:产品，例如 0416:5011</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="169" />
        <source>port, such as /dev/ttyUSB0 or COM3</source>
        <translation>串口，例如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="170" />
        <source>file path, such as /dev/usb/lp0</source>
        <translation>文件路径，例如 /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="176" />
        <source>No receipts are printed at this counter.</source>
        <translation>本收银台不打印小票。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="177" />
        <source>The printer's network address; the port defaults to 9100.</source>
        <translation>打印机的网络地址；端口默认为 9100。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="179" />
        <source>The USB vendor and product IDs in hexadecimal, from the printer's label or manual.</source>
        <translation>USB 厂商编号和产品编号（十六进制），见打印机铭牌或说明书。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="182" />
        <source>Add the baud rate after a colon if it is not 9600, such as COM3:19200.</source>
        <translation>波特率不是 9600 时，在后面加冒号和波特率，例如 COM3:19200。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_form.py" line="184" />
        <source>A file or a printer device; each receipt is added to its end.</source>
        <translation>文件或打印机设备；每张小票追加写在末尾。</translation>
    </message>
</context>
</TS>