<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="76" />
        <source>Cash in or out</source>
        <translation>存取现金</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="77" />
        <source>Pay in</source>
        <translation>存入</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="78" />
        <source>Pay out</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="85" />
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="96" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="97" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="107" />
        <source>Float top-up</source>
        <translation>备用金补充</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="107" />
        <source>Change from the bank</source>
        <translation>银行换零钱</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="109" />
        <source>Supplies</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="109" />
        <source>Delivery fee</source>
        <translation>快递费</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="109" />
        <source>Cash to the bank</source>
        <translation>现金存银行</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="115" />
        <source>Choose or type the reason</source>
        <translation>选择或填写原因</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="139" />
        <source>pay this cash out</source>
        <translation>支出这笔现金</translation>
    </message>
</context>
<context>
    <name>OpenDrawerDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="47" />
        <source>Open the drawer</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="48" />
        <source>For example 500</source>
        <translation>例如 500</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="49" />
        <source>Count the float into the drawer and enter it.</source>
        <translation>把备用金点入钱箱，并填写金额。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="52" />
        <source>Float (yuan)</source>
        <translation>备用金（元）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/drawer_open.py" line="57" />
        <source>Open drawer</source>
        <translation>开班</translation>
    </message>
</context>
</TS>
