<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookingDetailDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="55" />
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="66" />
        <source>Yes</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="67" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="76" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="94" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="95" />
        <source>Check in</source>
        <translation>到店签到</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="96" />
        <source>Start service</source>
        <translation>开始服务</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="97" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="98" />
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="99" />
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="110" />
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="104" />
        <source>Requested (to confirm)</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="105" />
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="106" />
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="107" />
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="108" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="109" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="118" />
        <source>{name} {minutes} min</source>
        <translation>{name} {minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="121" />
        <source>asked for by name</source>
        <translation>点钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="121" />
        <source>rotation</source>
        <translation>轮钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="123" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="124" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="125" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="126" />
        <source>Services</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="127" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="128" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="129" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="130" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="146" />
        <source>Double booked: another booking keeps this technician or room busy then.</source>
        <translation>重复预约：同一时间该技师或房间已有另一个预约。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="150" />
        <source>Free instead: {alternatives}</source>
        <translation>可改约到：{alternatives}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="151" />
        <source>(no free slot)</source>
        <translation>（没有空档）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="187" />
        <source>Cancel this booking? The time is freed for others.</source>
        <translation>确定取消该预约？时间将释放给其他客人。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_detail.py" line="189" />
        <source>Mark as no-show? The customer did not come.</source>
        <translation>确定标记为爽约？客人没有到店。</translation>
    </message>
</context>
</TS>
