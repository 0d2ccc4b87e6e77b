"""The words of the close and commission pages (日结, 提成) in Chinese and English, beside the
console's words.py (docs/adr/0005); templates get them as `cw`."""

from __future__ import annotations

from sync.messages import Both, Message

# --- the month of closes
CLOSES = Both("日结", "Day closes")
COMMISSION = Both("提成", "Commission")
EARLIER_MONTH = Both("‹ 上个月", "‹ Earlier month")
LATER_MONTH = Both("下个月 ›", "Later month ›")
THIS_MONTH = Both("本月", "This month")
DAY = Both("营业日", "Day")
CLOSED_AT = Both("日结时间", "Closed at")
CLOSED_BY = Both("日结人", "Closed by")
COUNTER = Both("收银台", "Counter")
NET = Both("实收", "Net sales")
TICKETS = Both("单数", "Tickets")
CASH_EXPECTED = Both("应有现金", "Cash expected")
CASH_COUNTED = Both("实点现金", "Cash counted")
VARIANCE = Both("差额", "Variance")
NOT_CLOSED = Both("未日结", "Not closed")
AMENDED = Both("日结后有迟到单据", "Amended after the close")
SEE_CONFLICTS = Both("查看同步冲突", "See the conflicts")
NO_DAYS = Both("这个月没有营业记录。", "Nothing was sold or closed this month.")
DRAWERS_OPEN = Both("有钱箱未交班", "a drawer is still open")
NO_DRAWER = Both("无交班记录", "no drawer sessions")


class AmendedTimes(Message):
    zh = "日结后有迟到单据（{count} 次），当日数据已由总部重算"
    en = "Amended after the close (late arrivals: {count}); the server worked the day out again"


class AtClose(Message):
    zh = "日结时 {amount}"
    en = "{amount} at the close"


# --- one day
DAY_CLOSE = Both("日结明细", "Day close")
NOW = Both("总部现在", "Server now")
WHEN_CLOSED = Both("日结时（收银台）", "At the close (counter)")
DIFFERENCE = Both("差额", "Difference")
FIGURES = Both("营业数据", "Figures")
SALES = Both("开单金额", "Rung up")
VOIDS = Both("作废", "Voids")
REFUNDS = Both("退款", "Refunds")
AVERAGE_TICKET = Both("客单价", "Average ticket")
CUSTOMERS_SERVED = Both("服务顾客", "Customers served")
NEW_CUSTOMERS = Both("新顾客", "New customers")
NEW_MEMBERS = Both("新会员", "New members")
MEMBER_DISCOUNTS = Both("会员价优惠", "Member prices")
BY_TENDER = Both("按收款方式", "By tender")
BY_CATEGORY = Both("按分类", "By category")
BY_TECHNICIAN = Both("按技师（服务项目）", "By technician (services)")
DISCOUNTS = Both("优惠", "Discounts")
VOID_LIST = Both("作废单据", "Voids")
REFUND_LIST = Both("退款单据", "Refunds")
APPROVED_BY = Both("批准人", "Approved by")
WITHIN_LIMIT = Both("权限内", "within the limit")
REASON = Both("原因", "Reason")
NUMBER = Both("单号", "Number")
AMOUNT = Both("金额", "Amount")
LATE = Both("迟到", "late")
MEMBERS = Both("会员卡", "Member cards")
DRAWERS = Both("钱箱交班", "Drawer sessions")
OUTSIDE = Both("未开班时的现金进出", "Cash moved with no session open")
OPENED = Both("开班", "Opened")
CLOSED = Both("交班", "Closed")
STILL_OPEN = Both("未交班", "Still open")
FLOAT = Both("备用金", "Float")
CASH_SALES = Both("现金收入", "Cash sales")
CASH_BACK = Both("现金退回", "Cash back")
MOVED_IN = Both("存入", "Paid in")
MOVED_OUT = Both("支出", "Paid out")
BLIND = Both("盲点", "blind count")
SERVER_EXPECTED = Both("总部算得应有现金", "Expected by the server's rows")
NOT_CLOSED_YET = Both(
    "这一天还没有日结：下面是总部现在的数据。",
    "This day is not closed yet: the server's figures now.",
)
CLOSED_LINE = Both("日结", "Closed")
MOVE_KINDS = {
    "pay_in": Both("存入", "Pay-in"),
    "pay_out": Both("支出", "Pay-out"),
    "stored_value_refund": Both("储值退款", "Stored-value refund"),
    "overdraft_collected": Both("收回透支", "Overdraft collected"),
}
CATEGORY_NAMES = {
    "<stored_value>": Both("储值充值", "Stored value top-ups"),
    "<package>": Both("疗程卡", "Package cards"),
}
MEMBER_FIELDS = (
    ("stored_value_sold", True, Both("储值售出（本金）", "Stored value sold (principal)")),
    ("bonus_given", True, Both("赠送金额", "Bonus given")),
    ("principal_spent", True, Both("储值消费（本金）", "Stored value spent (principal)")),
    ("bonus_spent", True, Both("储值消费（赠送）", "Stored value spent (bonus)")),
    ("stored_value_given_back", True, Both("作废/退款退回储值", "Given back by voids and refunds")),
    ("principal_refunded", True, Both("储值退款（本金）", "Principal paid back")),
    ("bonus_forfeited", True, Both("退款作废赠送", "Bonus forfeited")),
    ("sessions_sold", False, Both("疗程次数售出", "Package sessions sold")),
    ("sessions_used", False, Both("疗程次数消耗", "Package sessions used")),
    ("points_issued", False, Both("积分发放", "Points issued")),
    ("points_redeemed", False, Both("积分抵扣", "Points redeemed")),
    ("points_taken_back", False, Both("作废/退款收回积分", "Points taken back")),
)

LATE_ARRIVALS = Both("日结后才收到的单据", "Reached the server after the close")
SETTLED = Both("已确认", "accepted")
OPEN = Both("待处理", "open")
OP_TYPES = {
    "sale.completed": Both("销售", "Sale"),
    "sale.voided": Both("作废", "Void"),
    "sale.refunded": Both("退款", "Refund"),
}

# --- commission
TECHNICIAN = Both("技师", "Technician")
LINES = Both("项目数", "Lines")
BASE = Both("提成基数", "Sales base")
EARNED = Both("提成", "Earned")
TAKEN_BACK = Both("退回", "Taken back")
TOTAL = Both("应发提成", "Net commission")
ALL_TOGETHER = Both("合计", "All together")
NO_COMMISSION = Both("这个月没有提成。", "No commission this month.")
NO_RULES = Both(
    "本店还没有设置提成规则：所有项目提成为 0。",
    "The store has no commission rules yet: nothing earns.",
)
RULES_LINK = Both("提成规则", "Commission rules")
COMMISSION_NOTE = Both(
    "与收银台“提成”报表同一规则：退款、作废在发生的营业日退回提成。",
    "The counter's statement's rules: refunds and voids take commission back on their own day.",
)
ITEM = Both("项目", "Item")
SHARE = Both("份额", "Share")
RULE = Both("规则", "Rule")
NO_RULE = Both("无规则", "no rule")
COMMISSION_LINE = Both("提成", "Commission")
REQUESTED = Both("点钟", "requested")
CAUSES = {
    "sale": Both("销售", "Sale"),
    "refund": Both("退款", "Refund"),
    "void": Both("作废", "Void"),
}
NO_LINES = Both("这个月没有该技师的项目。", "No lines of theirs this month.")
