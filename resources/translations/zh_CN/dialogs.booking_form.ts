<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookingFormDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="64" />
        <source>New booking</source>
        <translation>新预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="76" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="83" />
        <source>Save booking</source>
        <translation>保存预约</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="98" />
        <source>New customer: name</source>
        <translation>新客户：姓名</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="101" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="107" />
        <source>Find a service</source>
        <translation>查找项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="112" />
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="126" />
        <source>Any suitable technician</source>
        <translation>任意合适技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="130" />
        <source>{name} (by name)</source>
        <translation>{name}（点钟）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="150" />
        <source>Next free slot</source>
        <translation>下一个空档</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="166" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="169" />
        <source>Services</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="176" />
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="177" />
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="178" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="182" />
        <source>Free starts that day (click one):</source>
        <translation>当天可约时间（点击选择）：</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="239" />
        <source>No customer yet: find one, or type a new one</source>
        <translation>尚未选择客户：请查找，或填写新客户</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="265" />
        <source>{minutes} min, until {end}</source>
        <translation>{minutes} 分钟，至 {end}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="267" />
        <source>Choose the services</source>
        <translation>请选择项目</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="293" />
        <source>No free time that day</source>
        <translation>当天没有空档</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="305" />
        <source>⚠ {services}: needs a valid patch test, which this customer lacks</source>
        <translation>⚠ {services}：需要有效的皮试，该客户目前没有</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/booking_form.py" line="326" />
        <source>No free time in the next two weeks.</source>
        <translation>两周内没有空档。</translation>
    </message>
</context>
</TS>
