<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="56"/>
        <source>Search: ticket number, customer name or phone</source>
        <translation>搜索：单号、顾客姓名或手机号</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="60"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="62"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="70"/>
        <source>Reprint</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="71"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="72"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="110"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="112"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="212"/>
        <source>{count} tickets · net {amount}</source>
        <translation>共 {count} 单 · 实收 {amount}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="216"/>
        <source> · none yet today</source>
        <translation> · 今天暂无单据</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/tickets.py" line="218"/>
        <source> (the newest {limit}: narrow the dates to see older ones)</source>
        <translation>（仅显示最近 {limit} 单，缩小日期范围可查看更早的单据）</translation>
    </message>
</context>
</TS>
