"""The public booking page's words (docs/online-booking.md), Chinese first, as the console's."""

from __future__ import annotations

from sync.messages import Both, Message

ONLINE_BOOKING = Both("在线预约", "Book online")
STEP_SERVICE = Both("选择项目", "Choose a service")
STEP_DAY = Both("选择日期", "Choose a day")
STEP_TIME = Both("选择时间", "Choose a time")
STEP_YOU = Both("您的联系方式", "Your details")
MINUTES = Both("分钟", "min")
CHANGE = Both("更换", "Change")
YOUR_NAME = Both("姓名", "Name")
YOUR_PHONE = Both("手机号码", "Mobile number")
SEND = Both("提交预约", "Request this time")
NO_SERVICES = Both(
    "本店暂时没有可在网上预约的项目，请致电门店预约。",
    "This store has no services to book online yet; please call the store.",
)
NO_SLOTS = Both(
    "这一天已约满或不营业，请换一天看看。", "Nothing free that day; please try another."
)
MORNING = Both("上午", "Morning")
AFTERNOON = Both("下午", "Afternoon")
EVENING = Both("晚上", "Evening")
TODAY = Both("今天", "Today")
TOMORROW = Both("明天", "Tomorrow")
WEEKDAYS = (
    Both("周一", "Mon"),
    Both("周二", "Tue"),
    Both("周三", "Wed"),
    Both("周四", "Thu"),
    Both("周五", "Fri"),
    Both("周六", "Sat"),
    Both("周日", "Sun"),
)
REQUESTED = Both("预约申请已提交", "Your request is in")
REQUESTED_NEXT = Both(
    "门店确认后，这个时间就为您留好了；如需更改或取消，请致电门店。",
    "Once the store confirms it, the time is yours; to change or cancel, please call the store.",
)
BOOK_ANOTHER = Both("再约一个", "Book another")
PRIVACY = Both(
    "您的姓名和手机号只用于本店联系您确认预约。",
    "Your name and number are used only by this store to confirm your booking.",
)
NO_SUCH_PAGE = Both(
    "找不到这个预约页面，请向门店索取正确的链接。",
    "No such booking page; please ask the store for its link.",
)
EXPIRED = Both(
    "页面已过期，请刷新页面后再提交一次。",
    "This page has expired; please reload it and send again.",
)


class WhenBooked(Message):
    zh = "{month}月{day}日 {weekday} {start}–{end}"
    en = "{weekday} {month}/{day}, {start} to {end}"


class TooOften(Message):
    zh = "操作太频繁了，请 {minutes} 分钟后再试。"
    en = "Too many tries; please try again in {minutes} minutes."
