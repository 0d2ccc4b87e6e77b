"""The console's words in Chinese and English (docs/adr/0005): fixed words as `Both`, sentences
with fields as `Message`. Templates get `say(words)` in the page's language."""

from __future__ import annotations

from sync.messages import Both, Message

# --- frame
CONSOLE = Both("门店管理后台", "Store console")
STORES = Both("门店", "Stores")
MANAGERS = Both("店长账号", "Managers")
PASSWORD = Both("修改密码", "Password")
SIGN_OUT = Both("退出", "Sign out")
OTHER_LANGUAGE = Both("English", "中文")
NOT_FOUND = Both("找不到这个页面，或您无权查看。", "No such page, or it is not yours to see.")
FORBIDDEN = Both(
    "请求被拒绝：表单已过期或不是从本站提交的。请返回刷新后再试。",
    "Refused: the form expired or was not sent from this site. Go back, reload and try again.",
)
BACK = Both("返回", "Back")
DASH = Both("—", "—")
NEVER = Both("从未", "never")

# --- sign in
SIGN_IN = Both("登录", "Sign in")
EMAIL = Both("邮箱", "Email")
PASSWORD_FIELD = Both("密码", "Password")
WRONG_LOGIN = Both("邮箱或密码不对。", "Wrong email or password.")

# --- stores
STORE_NAME = Both("门店名称", "Store name")
TIME_ZONE = Both("时区", "Time zone")
COUNTERS = Both("收银台", "Counters")
LAST_CONTACT = Both("最近联系", "Last contact")
NO_STORES = Both("还没有门店。", "No stores yet.")
NEW_STORE = Both("新建门店", "New store")
CREATE = Both("创建", "Create")
STORE_SETTINGS_LATER = Both(
    "门店设置和分店价格将在这里提供。", "Store-wide settings and per-store prices will be here."
)
NAME_NEEDED = Both("门店名称须为 1 到 100 个字。", "A store name has 1 to 100 characters.")

# --- counters
PREFIX = Both("编号", "Prefix")
HOSTNAME = Both("电脑名", "Computer")
LAST_PUSH = Both("最近上传", "Last push")
LAST_SEEN = Both("最近同步", "Last sync")
APP_VERSION = Both("版本", "Version")
QUEUED = Both("待上传", "Queued")
REVOKE = Both("停用", "Revoke")
REVOKED = Both("已停用", "Revoked")
NO_COUNTERS = Both("还没有收银台加入本店。", "No counter has joined this store yet.")
NEW_CODE = Both("生成注册码", "New enrollment code")
HOURS_VALID = Both("有效小时数", "Valid for (hours)")
CODE_ONCE = Both(
    "注册码只显示这一次，用一次即失效。在收银台的“加入门店”画面输入或扫描：",
    "This code is shown once and works once. Type or scan it on the counter's join screen:",
)
HOURS_RANGE = Both("有效时间须为 1 到 720 小时。", "A code is valid for 1 to 720 hours.")
REVOKE_CONFIRM = Both("确认停用", "Revoke this counter")
REVOKE_WARNING = Both(
    "停用后这台收银台不能再同步，需用新的注册码重新加入。",
    "A revoked counter can no longer sync; it needs a new enrollment code to join again.",
)
NOT_REPORTED = Both(
    "“—”：该收银台尚未报告（旧版本）。",
    "“—”: the counter has not reported this (an older version).",
)

# --- password
OLD_PASSWORD = Both("当前密码", "Current password")
NEW_PASSWORD = Both("新密码（至少 8 位）", "New password (8 characters or more)")
NEW_AGAIN = Both("再输一次新密码", "New password again")
SAVE = Both("保存", "Save")
PASSWORD_CHANGED = Both(
    "密码已修改；其他设备上的登录已退出。", "Password changed; other browsers were signed out."
)
OLD_WRONG = Both("当前密码不对。", "The current password is wrong.")
TOO_SHORT = Both("密码至少需要 8 位。", "A password needs at least 8 characters.")
DIFFERENT = Both("两次输入的新密码不一样。", "The two new passwords differ.")

# --- managers
NEW_MANAGER = Both("新建店长账号", "New manager account")
MANAGES = Both("管理的门店", "Manages")
MANAGER_PASSWORD = Both("密码（至少 8 位）", "Password (8 characters or more)")
REMOVE = Both("删除", "Remove")
REMOVE_MANAGER = Both("删除店长账号", "Remove manager account")
REMOVE_WARNING = Both(
    "删除后此账号立即退出，不能再登录。",
    "The account is signed out at once and cannot sign in again.",
)
NO_MANAGERS = Both("还没有店长账号。", "No manager accounts yet.")
NOT_EMAIL = Both("请输入有效的邮箱。", "Enter a valid email address.")
EMAIL_TAKEN = Both("这个邮箱已有账号。", "An account with this email exists already.")
PICK_STORE = Both("请至少选一个门店。", "Pick at least one store.")


class AccountLocked(Message):
    zh = "密码连续输错 5 次，账号已锁定 15 分钟：请 {minutes} 分钟后再试。"
    en = (
        "Five wrong passwords in a row: the account is locked for 15 minutes;"
        " try again in {minutes} minutes."
    )


class CodeExpires(Message):
    zh = "有效期至 {at}"
    en = "Valid until {at}"


class CounterRevoked(Message):
    zh = "收银台 {counter} 已停用。"
    en = "Counter {counter} revoked."


class UnknownTimeZone(Message):
    zh = "未知的时区：{zone}"
    en = "Unknown time zone: {zone}"


class ManagerCreated(Message):
    zh = "已创建店长账号 {email}。"
    en = "Manager account {email} created."


class QueuedSince(Message):
    zh = "{count} 条，最早的已等 {age}"
    en = "{count}, oldest waiting {age}"


# --- sales
SALES = Both("销售", "Sales")
ALL_STORES = Both("全部门店", "All stores")
PERIOD_WORDS = {
    "day": Both("日", "Day"),
    "week": Both("周", "Week"),
    "month": Both("月", "Month"),
}
EARLIER = Both("‹ 上一段", "‹ Earlier")
LATER = Both("下一段 ›", "Later ›")
TODAY = Both("今天", "Today")
NET_SALES = Both("实收", "Net sales")
GROSS_SALES = Both("开单金额", "Rung up")
TICKETS = Both("单数", "Tickets")
AVERAGE_TICKET = Both("客单价", "Average ticket")
VOIDS = Both("作废", "Voids")
REFUNDS = Both("退款", "Refunds")
TENDER_MIX = Both("收款方式", "Tenders")
BY_DAY = Both("每日实收", "Net sales by day")
NO_SALES = Both("这段时间没有销售。", "No sales in this period.")
DAY_TICKETS = Both("当日单据", "Tickets of the day")
NUMBER = Both("单号", "Number")
TIME = Both("时间", "Time")
STATUS = Both("状态", "Status")
AMOUNT = Both("金额", "Amount")
MORE_TICKETS = Both("更多单据 ›", "More tickets ›")
FIRST_TICKETS = Both("‹ 前面的单据", "‹ Earlier tickets")
TENDER_NAMES = {
    "cash": Both("现金", "Cash"),
    "wechat": Both("微信", "WeChat Pay"),
    "alipay": Both("支付宝", "Alipay"),
    "bank_card": Both("银行卡", "Bank card"),
    "stored_value": Both("储值", "Stored value"),
    "package": Both("疗程卡", "Package card"),
    "points": Both("积分", "Points"),
    "coupon": Both("优惠券", "Coupon"),
}
STATUS_NAMES = {
    "completed": Both("已完成", "Completed"),
    "voided": Both("已作废", "Voided"),
    "refunded": Both("已退款", "Refunded"),
}
TICKET = Both("单据", "Ticket")
BUSINESS_DAY = Both("营业日", "Business day")
CASHIER = Both("收银员", "Cashier")
CUSTOMER = Both("顾客", "Customer")
WALK_IN = Both("散客", "Walk-in")
ITEM = Both("项目", "Item")
QUANTITY = Both("数量", "Qty")
UNIT_PRICE = Both("单价", "Price")
LINE_DISCOUNT = Both("优惠", "Discount")
TECHNICIAN = Both("技师", "Technician")
SUBTOTAL = Both("小计", "Subtotal")
LINE_DISCOUNTS = Both("单项优惠", "Line discounts")
TICKET_DISCOUNT = Both("整单优惠", "Ticket discount")
ROUNDING = Both("抹零", "Rounding")
TOTAL = Both("应收", "Total")
DISCOUNT_APPROVED_BY = Both("优惠批准人", "Discount approved by")
VOIDED = Both("作废", "Voided")
APPROVED_BY = Both("批准人", "Approved by")
REASON = Both("原因", "Reason")
REFUNDED_ON = Both("退款时间", "Refunded at")

# --- conflicts (the same words as the counter's conflict inbox)
CONFLICTS = Both("同步冲突", "Sync conflicts")
CONFLICT_OPEN_NAME = Both("待处理", "Open")
CONFLICT_RESOLVED_NAME = Both("已处理", "Resolved")
CONFLICT_TYPE = Both("类型", "Type")
CONCERNS = Both("涉及", "Concerns")
WHEN = Both("时间", "When")
NO_CONFLICTS = Both("没有同步冲突。", "No sync conflicts.")
EMPTY_VALUE = Both("（空）", "(empty)")
UNKNOWN = Both("未知", "unknown")
RESOLVED_AT_CONSOLE = Both("（管理后台）", " (web console)")  # after a name: no space in Chinese
RESOLVED_AT_COUNTER = Both("（收银台）", " (at a counter)")
CONFLICT_STALE = Both(
    "这个冲突已经有人处理过了（可能在收银台），以先做的决定为准。",
    "Someone resolved this conflict first (perhaps at a counter); that decision stands.",
)
PICK_RESOLUTION = Both(
    "请选择这个冲突可用的处理方式。", "Choose a resolution this conflict offers."
)


class Suggested(Message):
    zh = "建议：{resolution}"
    en = "Suggested: {resolution}"


class ResolvedAs(Message):
    zh = "已处理：{resolution}。"
    en = "Resolved: {resolution}."


class ResolvedByAt(Message):
    zh = "处理人：{who}，{at}"
    en = "By {who}, {at}"


class OnCounter(Message):
    zh = "收银台 {counter}"
    en = "counter {counter}"


class OtherCounter(Message):
    zh = "另一台收银机（{device}）"
    en = "another counter ({device})"


class ConflictClosed(Message):
    zh = "{title}：已处理（{resolution}）。各收银台下次同步时会收到。"
    en = "{title}: resolved ({resolution}). Every counter receives it on its next sync."


class OpenCount(Message):
    zh = "{count} 个待处理"
    en = "{count} open"
