<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ParkingButtons</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="102"/>
        <source>Park  Shift+F8</source>
        <translation>挂单  Shift+F8</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="104"/>
        <source>Put this ticket aside and start a new one (Shift+F8)</source>
        <translation>把这张单先挂起，开始新的一单（Shift+F8）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="108"/>
        <source>Take up a parked ticket again (Ctrl+F8)</source>
        <translation>取回一张挂单继续（Ctrl+F8）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="124"/>
        <source>Parked ({count})  Ctrl+F8</source>
        <translation>取单（{count}）  Ctrl+F8</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="138"/>
        <source>Nothing to park: the ticket is empty.</source>
        <translation>单上没有项目，无需挂单。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="158"/>
        <source>Parked “{label}” ({total}). Ctrl+F8 takes it up again.</source>
        <translation>已挂单“{label}”（{total}），按 Ctrl+F8 取单。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="197"/>
        <source>Took up “{label}”.</source>
        <translation>已取单“{label}”。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="200"/>
        <source>No longer sold, left off: {items}.</source>
        <translation>已停售，未取回：{items}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="203"/>
        <source>{item} now costs {now} (was {was}).</source>
        <translation>{item} 已按现价 {now} 计（挂单时 {was}）。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="210"/>
        <source>{names} no longer works here: choose another technician.</source>
        <translation>{names} 已不在职，请重新选择技师。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/cashier_parked.py" line="215"/>
        <source>Its customer is no longer on this counter: find them again.</source>
        <translation>本机找不到这张单的客户，请重新查找客户。</translation>
    </message>
</context>
</TS>
