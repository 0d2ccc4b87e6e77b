"""The console's words in Chinese and English (docs/adr/0005): fixed words as `Both`, sentences
with fields as `Message`. Templates get `say(words)` in the page's language."""

from __future__ import annotations

from salon_pos.domain import customer_profile
from sync.messages import PROFILE_FIELD_WORDS, Both, Message
from sync.messages import ROLE_WORDS as ROLE_WORDS

# --- frame
CONSOLE = Both("门店管理后台", "Store console")
STORES = Both("门店", "Stores")
MANAGERS = Both("店长账号", "Managers")
PASSWORD = Both("修改密码", "Password")
SIGN_OUT = Both("退出", "Sign out")
STOCK = Both("库存", "Stock")
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
NAME_NEEDED = Both("门店名称须为 1 到 100 个字。", "A store name has 1 to 100 characters.")

# --- the store's public booking page (docs/online-booking.md)
BOOKING_PAGE = Both("在线预约链接", "Online booking page")
BOOKING_PAGE_HELP = Both(
    "把这个链接或二维码发给顾客（微信、公众号菜单、门口海报）：顾客选项目、日期和空闲时间提交预约"
    "申请，收银台同步后由前台确认。页面不显示技师和其他顾客。",
    "Share this link or QR code with customers (WeChat, a poster at the door): they pick a"
    " service, a day and a free time and send a request, which the front desk confirms once the"
    " counters sync. The page shows no technicians and no other customers.",
)
BOOKING_QR = Both("二维码", "QR code")

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

# --- catalog
CATALOG = Both("项目与商品", "Catalog")
SERVICES = Both("服务", "Services")
PRODUCTS = Both("商品", "Products")
SERVICE = Both("服务", "Service")
PRODUCT = Both("商品", "Product")
ALL_KINDS = Both("全部类型", "All kinds")
ALL_CATEGORIES = Both("全部分类", "All categories")
SEARCH = Both("搜索", "Search")
SEARCH_HINT = Both("名称、拼音首字母、编号或条码", "Name, pinyin initials, SKU or barcode")
CATEGORY = Both("分类", "Category")
KIND = Both("类型", "Kind")
NAME = Both("名称", "Name")
PRICE_YUAN = Both("价格（元）", "Price (yuan)")
COST_YUAN = Both("成本（元）", "Cost (yuan)")
POINTS_PRICE = Both(
    "积分兑换（积分，0 为不可兑换）", "Redeem for points (points; 0: not for points)"
)
DURATION = Both("时长（分钟）", "Duration (minutes)")
SKILL = Both("技能", "Skill")
SKU = Both("编号", "SKU")
BARCODE = Both("条码", "Barcode")
STOCK_UNIT = Both("库存单位", "Stock unit")
PACK_SIZE = Both("每包装数量", "Units a package")
NEEDS_EXPIRY = Both("入库须填有效期", "Each batch received needs an expiry date")
STOCK_UNIT_NOTE = Both(
    "库存按此单位记录（如 500 毫升一瓶：单位毫升，每包装 500）。有库存时不能改单位或包装规格。",
    "Stock is kept in this unit (a 500 ml bottle: unit ml, 500 a package). The unit and"
    " package size cannot change while a store holds stock of it.",
)
UNIT_CHOICES = (
    ("piece", Both("件", "pieces")),
    ("ml", Both("毫升", "ml")),
    ("g", Both("克", "g")),
)
PRICE = Both("价格", "Price")
HIDDEN = Both("已隐藏", "Hidden")
HIDE = Both("隐藏", "Hide")
SHOW = Both("恢复显示", "Show again")
HIDDEN_NOTE = Both(
    "隐藏的项目不再出现在收银台上，以往单据不受影响。",
    "A hidden item is no longer offered at the counters; past tickets keep it.",
)
EDIT = Both("修改", "Edit")
NEW_SERVICE = Both("新增服务", "New service")
NEW_PRODUCT = Both("新增商品", "New product")
ADD = Both("添加", "Add")
NO_ITEMS = Both("没有符合条件的项目。", "No items match.")
CHAIN = Both("连锁共享", "Chain")
OWN_ITEM = Both("本店项目", "This store's")
STORE_PRICE = Both("本店价格", "This store's price")
CHAIN_PRICE = Both("连锁价格", "Chain price")
ITEM_PRICE = Both("项目价格", "Item price")
SET_PRICE = Both("设置本店价格", "Set this store's price")
CLEAR_PRICE = Both("取消本店价格", "Use the chain price")
OWN_PRICE_TAG = Both("本店价", "own price")
SHARE = Both("共享到我的所有门店", "Share to all my stores")
SHARE_NOTE = Both(
    "共享后，您的每个门店都会有这个项目；各店可以设置自己的价格。",
    "Once shared, every store of yours has this item; each may set its own price.",
)
CHAIN_OWNER_ONLY = Both(
    "这是各门店共享的连锁项目，只有老板可以修改：这里可以设置本店价格。",
    "A chain item shared by every store: only the owner changes it; here you can set this "
    "store's price.",
)
CHAIN_ELSEWHERE = Both(
    "这是其他门店共享的连锁项目：这里只能设置本店价格。",
    "A chain item from another store: here you can set this store's price only.",
)
IMPORT = Both("导入 CSV", "Import CSV")
IMPORT_FILE = Both("CSV 文件", "CSV file")
IMPORT_HELP = Both(
    "与收银台相同的格式：类型、分类、名称、价格、时长、技能、编号、条码、成本；"
    "UTF-8、GBK 或 UTF-16 编码均可。服务按分类和名称、商品按编号对应已有项目。",
    "The counter's format: kind, category, name, price, duration, skill, SKU, barcode, cost; "
    "UTF-8, GBK or UTF-16. Services are matched by category and name, products by SKU.",
)
IMPORT_REPORT = Both("导入结果", "Import report")
NO_FILE = Both("请选择要导入的 CSV 文件。", "Choose a CSV file to import.")
FILE_TOO_LARGE = Both("文件太大（最多 2 MB）。", "The file is too large (2 MB at most).")
SAVED = Both("已保存，收银台下次同步时更新。", "Saved; the counters take it at their next sync.")


class ItemAdded(Message):
    zh = "已添加“{name}”，收银台下次同步时出现。"
    en = "{name} added; the counters show it after their next sync."


class PriceSet(Message):
    zh = "本店价格已设为 {price}。"
    en = "This store's price is now {price}."


class SharedTo(Message):
    zh = "已共享到 {count} 个其他门店。"
    en = "Shared to {count} other store(s)."


class Imported(Message):
    zh = "新增 {created} 条，更新 {updated} 条，未变 {unchanged} 条，出错 {bad} 行。"
    en = "{created} added, {updated} updated, {unchanged} unchanged, {bad} bad line(s)."


UNITS_MINUTES = Both("分钟", "min")


# --- staff (the store's people at the counters; not console accounts)
STAFF = Both("员工", "Staff")
STAFF_NAME = Both("姓名", "Name")
ROLE = Both("角色", "Role")
SKILLS = Both("技能", "Skills")
SKILLS_HINT = Both("用逗号分隔，如 facial, nail", "separated by commas, e.g. facial, nail")
PHONE = Both("电话", "Phone")
ACTIVE = Both("在职", "Active")
INACTIVE_STAFF = Both("已离职（停用）", "Inactive")
PIN_SET = Both("已设 PIN", "PIN set")
NO_PIN = Both("未设 PIN", "No PIN")
STAFF_SEARCH_HINT = Both("姓名或电话", "Name or phone")
NO_STAFF = Both("没有符合的员工。", "No staff member matches.")
NEW_STAFF = Both("添加员工", "Add a staff member")
EDIT_STAFF = Both("修改员工资料", "Edit staff member")
NEW_PIN = Both("PIN（4 到 8 位数字）", "PIN (4 to 8 digits)")
NEW_PIN_AGAIN = Both("再输一次 PIN", "PIN again")
OPTIONAL_PIN = Both(
    "店长和老板必须设置 PIN；其他员工可以稍后设置。PIN 保存后不再显示。",
    "Managers and owners need a PIN; others may get one later. A PIN is never shown again.",
)
PROMOTION_PIN = Both(
    "新 PIN（可选；设为店长或老板时必填）", "New PIN (optional; needed to become a manager)"
)
SET_PIN = Both("设置或重置 PIN", "Set or reset the PIN")
PIN_NOTE = Both(
    "PIN 保存后不再显示；各收银台下次同步后即可用新 PIN 登录。",
    "A PIN is never shown again; every counter accepts it after its next sync.",
)
IMPORT_STAFF = Both("导入员工（CSV）", "Import staff (CSV)")
IMPORT_HINT = Both(
    "列：姓名、角色、技能、电话（UTF-8、GBK 或 UTF-16 均可）。文件中不含 PIN，请逐个设置。"
    "店长和老板须逐个添加（需要 PIN）。",
    "Columns: 姓名/name, 角色/role, 技能/skills, 电话/phone (UTF-8, GBK or UTF-16). No PINs "
    "in the file: give them one by one. Managers and owners are added one by one (with a PIN).",
)
CSV_FILE = Both("CSV 文件", "CSV file")
IMPORT_BUTTON = Both("导入", "Import")
STAFF_SAVED = Both(
    "已保存；各收银台下次同步时生效。", "Saved; every counter takes it on its next sync."
)
SKILL_WORDS = {
    "facial": Both("面部护理", "Facial"),
    "body": Both("身体护理", "Body"),
    "nail": Both("美甲", "Nails"),
    "lash": Both("美睫", "Lashes"),
    "hair": Both("美发", "Hair"),
    "massage": Both("按摩", "Massage"),
    "makeup": Both("化妆", "Make-up"),
}
CSV_TOO_LARGE = Both("文件太大（最多 1 MB）。", "The file is too large (1 MB at most).")
CSV_MANAGER_ROW = Both(
    "店长和老板需要 PIN，请在本页逐个添加。",
    "Managers and owners need a PIN: add them one by one.",
)


class StaffImported(Message):
    zh = "已导入 {created} 位员工，{refused} 行未导入。"
    en = "{created} staff members imported, {refused} lines refused."


class CsvLine(Message):
    zh = "第 {line} 行：{reason}"
    en = "Line {line}: {reason}"


# --- store-wide settings (the counter's Settings screen, "Store-wide settings")
SETTINGS = Both("全店设置", "Store-wide settings")
SETTINGS_NOTE = Both(
    "这些设置对本店每台收银台都一样，保存后各收银台下次同步时生效。打印机、语言和单号前缀在各收银台上设置。",
    "The same on every counter of the store; each takes them on its next sync. The printer, "
    "language and ticket prefix are set at each counter.",
)
STORE_PROFILE = Both("门店资料", "Store profile")
RECEIPT = Both("小票", "Receipt")
BUSINESS_DAY_GROUP = Both("营业日与收银", "Business day and checkout")
ADDRESS = Both("地址", "Address")
RECEIPT_HEADER = Both("小票抬头", "Receipt header")
RECEIPT_FOOTER = Both("小票页脚", "Receipt footer")
CUTOVER_HOUR = Both("营业日开始时间（点）", "Business day starts at (hour)")
ROUNDING_RULE = Both("抹零规则", "Rounding rule")
IDLE_LOCK = Both("闲置锁屏（分钟，0 为从不）", "Idle lock (minutes; 0: never)")
ROUNDING_WORDS = {
    "none": Both("不抹零", "No rounding"),
    "drop_fen": Both("抹去分（¥12.34 → ¥12.30）", "Drop fen (¥12.34 → ¥12.30)"),
    "drop_jiao": Both("抹去角（¥12.34 → ¥12.00）", "Drop jiao (¥12.34 → ¥12.00)"),
}
NOT_SET = Both("（未设置：各收银台用自己的值）", "(not set: each counter keeps its own)")
SETTINGS_SAVED = Both(
    "全店设置已保存；各收银台下次同步时生效。",
    "Store-wide settings saved; every counter takes them on its next sync.",
)
NOTHING_CHANGED = Both("没有修改任何设置。", "No setting was changed.")
STORE_NAME_NEEDED = Both("门店名称不能为空。", "The store name cannot be empty.")
ROUNDING_UNKNOWN = Both("请选择一种抹零规则。", "Choose a rounding rule.")


class HourRange(Message):
    zh = "营业日开始时间须为 0 到 23 点的整数（当前为“{text}”）。"
    en = "The business day starts at a whole hour from 0 to 23 (got “{text}”)."


class IdleRange(Message):
    zh = "闲置锁屏须为 0 到 240 分钟的整数（当前为“{text}”）。"
    en = "The idle lock is a whole number of minutes from 0 to 240 (got “{text}”)."


class TextTooLong(Message):
    zh = "{field}过长：最多 {limit} 个字。"
    en = "{field} is too long: {limit} characters at most."


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


# Patch tests (皮试): the catalog item page and the store's settings (docs/patch-tests.md)
NEEDS_PATCH_TEST = Both("须有有效皮试方可销售", "Sell only after a valid patch test")
PATCH_TEST_BADGE = Both("需皮试", "Patch test")
PATCH_TEST_GROUP = Both("皮试", "Patch tests")
PATCH_TEST_DAYS = Both(
    "皮试有效期（天，0 为永不过期）", "Patch test valid for (days; 0: never expires)"
)


class PatchTestDaysRange(Message):
    zh = "皮试有效期须为 0 到 3650 天的整数（当前为“{text}”）。"
    en = "A patch test is valid for a whole number of days from 0 to 3650 (got “{text}”)."


# --- members (docs/adr/0009-member-balances.md): balances, cards, the stores' liability
MEMBERS = Both("会员", "Members")
MEMBER_BALANCES = Both("会员余额", "Member balances")
LIABILITY = Both("储值负债", "Stored-value liability")
LIABILITY_NOTE = Both(
    "门店欠顾客的钱：储值本金和赠送余额之和（只计正余额）。"
    "顾客欠门店的（透支后为负的余额）另列，不相抵。",
    "What the store owes its customers: stored value, principal and bonus (positive balances "
    "only). What customers owe the store (balances below zero after an overdraft) is listed "
    "apart, never netted.",
)
PRINCIPAL = Both("储值本金", "Principal")
BONUS = Both("储值赠送", "Bonus")
STORED_VALUE_TOTAL = Both("储值合计", "Stored value, total")
POINTS = Both("积分", "Points")
SESSIONS_LEFT = Both("疗程卡剩余次数", "Package sessions left")
SESSIONS_VALUE = Both("剩余次数价值", "Value of the sessions left")
SESSIONS_VALUE_NOTE = Both(
    "按每张卡的售价 ÷ 次数计算（每张卡舍去不足 1 分的部分）；"
    "若售卡时有折扣，实付可能更低。不含已过期的卡。",
    "At each card's list price ÷ its sessions (each card rounded down to the fen); a card sold "
    "at a discount was paid less. Expired cards are not counted.",
)
EXPIRED_SESSIONS = Both("已过期卡的剩余次数", "Sessions left on expired cards")
MEMBERS_HOLDING = Both("有余额的会员", "Members holding a balance")
OWED_BY_CUSTOMERS = Both("顾客欠款（负余额）", "Owed by customers (balances below zero)")
DEBTORS = Both("欠款顾客", "Customers in debt")
OPEN_OVERDRAFTS = Both("待处理的透支", "Open overdrafts")
SEE_OVERDRAFTS = Both("查看并处理透支 ›", "See and resolve the overdrafts ›")
CHAIN_TOTAL = Both("全部门店合计", "All stores together")
MEMBER_SEARCH_HINT = Both("姓名或电话", "Name or phone")
NO_MEMBERS = Both("没有符合的会员。", "No member matches.")
MORE_MEMBERS = Both("下一页 ›", "Next page ›")
EARLIER_MEMBERS = Both("‹ 上一页", "‹ Previous page")
CARDS = Both("疗程卡", "Package cards")
NO_CARDS = Both("没有疗程卡。", "No package cards.")
EXPIRED = Both("已过期", "expired")
NO_EXPIRY = Both("不限期", "no expiry")
LEDGER = Both("余额明细", "Ledger")
NO_ENTRIES = Both("没有余额记录。", "No entries.")
ACCOUNT = Both("账户", "Account")
AT_SERVER = Both("管理后台", "web console")
SOLD_ON = Both("售卡单据", "Sold on")
POINTS_UNIT = Both("分", "pts")
SESSIONS_UNIT = Both("次", "sessions")
UNNAMED_CUSTOMER = Both("（未同步的顾客）", "(customer not synced)")
ENTRY_REASONS = {
    "top_up": Both("充值", "Top-up"),
    "spend": Both("消费", "Spent"),
    "earn": Both("消费得积分", "Earned"),
    "card_sale": Both("购卡", "Card sold"),
    "reverse": Both("作废/退款冲回", "Reversed (void or refund)"),
    "adjust": Both("积分调整", "Adjusted"),
    "refund_out": Both("退还余额", "Refunded out"),
    "collect": Both("透支已向顾客收回", "Overdraft collected"),
    "write_off": Both("透支已注销", "Overdraft written off"),
    "clash": Both("重复退回，已扣回", "Given back twice, taken again"),
    "expire": Both("积分过期", "Points expired"),
}


class SessionsOf(Message):
    zh = "剩 {left} / {sold} 次"
    en = "{left} of {sold} left"


class ValidUntil(Message):
    zh = "至 {day}"
    en = "until {day}"


class OverdraftCount(Message):
    zh = "{count} 笔"
    en = "{count}"


class OnTicket(Message):
    zh = "单据 {number}"
    en = "ticket {number}"


# overdrafts resolved in the console
RESOLUTION_NOTE = Both(
    "备注（注销时必填：店里承担这笔透支，请写明原因）",
    "Note (needed to write off: the store bears it, give the reason)",
)
WRITE_OFF_NEEDS_REASON = Both(
    "注销意味着店里承担这笔透支：请在备注里写明原因。没有做任何修改。",
    "Writing off means the store bears it: give the reason in the note. Nothing was changed.",
)
NOTE_TOO_LONG = Both("备注过长：最多 500 个字。", "The note is too long: 500 characters at most.")
NOTE_SAID = Both("备注", "Note")
SHOW_ALL_CONFLICTS = Both("显示全部冲突", "Show all conflicts")


class OnlyOfType(Message):
    zh = "只显示：{title}"
    en = "Showing only: {title}"


# the members' store-wide settings
SPEND_ORDER = Both("储值扣款顺序", "Stored value is spent")
OFFLINE_ALLOWANCE = Both(
    "离线时可超出已知余额（元，0 为不可超出）",
    "Offline allowance beyond the known balance (yuan; 0: none)",
)
TOP_UP_RULES = Both(
    "充值赠送（每行一条，如“充 1000 送 200”，单位：元；空为不送）",
    "Top-up bonus (one rule a line, such as “pay 1000 get 200”, in yuan; empty: none)",
)
POINTS_EARN_RATE = Both("每消费 1 元得积分（0 为不积分）", "Points earned per ¥1 spent (0: none)")
POINTS_PER_YUAN = Both("多少积分抵 1 元", "Points worth ¥1")
POINTS_VALID_DAYS = Both(
    "积分有效天数（自获得之日起；0 为永不过期）",
    "Days points stay valid from earning (0: for ever)",
)
POINTS_RATES = Both(
    "分类积分（如“美甲=2, 美睫=0”：该分类每元积分）",
    "Points by category (such as Nails=2, Lashes=0)",
)
TIER_BASIS = Both("会员等级依据", "Tiers are reached by")
TIER_BASIS_WORDS = {
    "spend": Both("累计消费", "cumulative spend"),
    "visits": Both("到店次数", "visits"),
}
TIER_BASIS_UNKNOWN = Both("请选择会员等级依据。", "Choose what tiers are reached by.")
TIERS = Both(
    "会员等级（每行一个：名称、起点（元或次）、会员价百分比，如“黄金 5000 95 美甲=90”）",
    "Tiers (one a line: name, from (yuan or visits), percent paid, such as Gold 5000 95 Nails=90)",
)
BIRTHDAY_PERCENT = Both(
    "生日当月价格百分比（100 为无生日优惠）", "Birthday month: percent of the price (100: none)"
)
BIRTHDAY_SERVICE = Both(
    "生日礼：生日当月免费一次的服务", "Birthday gift: a service free once in the birthday month"
)
NO_BIRTHDAY_SERVICE = Both("无", "None")
SPEND_ORDER_WORDS = {
    "principal_first": Both("先扣本金，再扣赠送", "Principal first, then bonus"),
    "bonus_first": Both("先扣赠送，再扣本金", "Bonus first, then principal"),
    "proportional": Both(
        "按本金与赠送的比例扣（零头计入本金）", "In proportion (the odd fen from principal)"
    ),
}
SPEND_ORDER_UNKNOWN = Both("请选择一种储值扣款顺序。", "Choose how stored value is spent.")
TOP_UP_TOO_MANY = Both("充值赠送规则最多 20 条。", "At most 20 top-up rules.")


class TopUpRule(Message):
    zh = "充 {paid} 送 {bonus}"
    en = "pay {paid} get {bonus}"


class TopUpLine(Message):
    zh = "充值赠送第 {line} 行“{text}”看不懂：请写成“充 1000 送 200”（单位：元），每行一条。"
    en = (
        "Top-up rule line {line} “{text}” is not a rule: write “pay 1000 get 200” (yuan), "
        "one a line."
    )


class TopUpAmount(Message):
    zh = "充值赠送第 {line} 行“{text}”：充值金额须大于 0，且不超过 1 亿元。"
    en = "Top-up rule line {line} “{text}”: pay more than 0 and at most 100,000,000 yuan."


class TopUpTwice(Message):
    zh = "两条充值赠送规则的充值金额相同（{amount} 元）：请只留一条。"
    en = "Two top-up rules for the same payment ({amount} yuan): keep one."


class AllowanceRange(Message):
    zh = "离线可超出额度须为 0 到 100000 元的金额（当前为“{text}”）。"
    en = "The offline allowance is an amount from 0 to 100000 yuan (got “{text}”)."


class EarnRateRange(Message):
    zh = "每消费 1 元所得积分须为 0 到 1000 的整数（当前为“{text}”）。"
    en = "Points earned per ¥1 is a whole number from 0 to 1000 (got “{text}”)."


class PointsValidRange(Message):
    zh = "积分有效天数须为 0（永不过期）到 3650 的整数（当前为“{text}”）。"
    en = "Days points stay valid is a whole number from 0 (for ever) to 3650 (got “{text}”)."


class PointsPerYuan(Message):
    zh = "抵 1 元所需积分须为 1 到 10000 的整数（当前为“{text}”）。"
    en = "Points worth ¥1 is a whole number from 1 to 10000 (got “{text}”)."


# --- customer profile and classification (issue 10, parts 1 and 2)
CUSTOMER_CLASS_GROUP = Both("客户分类", "Customer classes")
CLASS_MEMBER_SPEND = Both(
    "会员：累计消费满（元，0 为不按消费）", "Member from spend of (yuan; 0: off)"
)
CLASS_MEMBER_VISITS = Both("会员：到店满（次，0 为不按次数）", "Member from visits (0: off)")
CLASS_VIP_SPEND = Both("VIP：累计消费满（元，0 为不按消费）", "VIP from spend of (yuan; 0: off)")
CLASS_VIP_VISITS = Both("VIP：到店满（次，0 为不按次数）", "VIP from visits (0: off)")
CLASS_LAPSED_DAYS = Both("多少天未到店算流失风险（0 为不提示）", "Not seen for (days; 0: off)")

DRAWER_GROUP = Both("钱箱交班", "Cash drawer")
DRAWER_BLIND_CLOSE = Both(
    "盲点交班（清点前不显示应有现金）", "Blind close (count before seeing the expected cash)"
)
BLIND_CLOSE_WORDS = {"0": Both("否", "No"), "1": Both("是", "Yes")}
DRAWER_VARIANCE_REASON = Both(
    "差额超过多少须写原因（元，0 为有差额即须写）",
    "Variance needing a reason, above (yuan; 0: any)",
)
DRAWER_VARIANCE_PIN = Both(
    "差额超过多少须店长 PIN（元）", "Variance needing a manager's PIN, above (yuan)"
)
DRAWER_PAY_OUT_PIN = Both(
    "支出超过多少须店长 PIN（元）", "Pay-out needing a manager's PIN, above (yuan)"
)


class DrawerNumber(Message):
    zh = "钱箱设置须为 0 或正整数（当前为“{text}”）。"
    en = "A cash drawer setting is a whole number, 0 or more (got “{text}”)."


class ClassNumber(Message):
    zh = "客户分类的门槛须为 0 或正整数（当前为“{text}”）。"
    en = "A customer class threshold is a whole number, 0 or more (got “{text}”)."


CUSTOMERS = Both("客户", "Customers")
CUSTOMER_SEARCH_HINT = Both("姓名或手机号", "Name or phone")
NO_CUSTOMERS = Both("没有符合的客户。", "No customers found.")
HAS_ALLERGIES = Both("有过敏", "Allergies")
HEALTH = Both("健康", "Health")
HEALTH_WITHHELD = Both(
    "只有老板和店长可以查看过敏和健康备注。",
    "Only the owner and managers see allergies and health notes.",
)
HEALTH_NO_KEY = Both(
    "无法读取：本服务器没有加密它的门店密钥。",
    "Cannot be read: this server does not hold the store key that sealed it.",
)
HEALTH_NOTE = Both(
    "已加密保存，仅老板和店长可见。", "Stored encrypted; only the owner and managers see this."
)
PROFILE_WORDS = PROFILE_FIELD_WORDS
SKIN_TYPES = customer_profile.SKIN_TYPES
PREFERENCES = customer_profile.PREFERENCES
PRODUCT_STYLES = customer_profile.PRODUCT_STYLES
SOURCES = customer_profile.SOURCES

# --- reminders
REMINDERS = Both("提醒短信", "Reminders")
REMINDERS_NOTE = Both(
    "服务器按预约、生日和疗程卡到期自动准备提醒，每条只发一次；发送失败会稍后重试。",
    "The server prepares reminders of bookings, birthdays and package card expiry; each is "
    "sent once, and a failed one is tried again later.",
)
REMINDER_STATUS = {
    "": Both("全部", "All"),
    "pending": Both("待发送", "Waiting"),
    "sending": Both("发送中", "Sending"),
    "sent": Both("已发送", "Sent"),
    "failed": Both("发送失败", "Failed"),
}
REMINDER_KINDS = {
    "booking_day_before": Both("预约前一天", "Day before"),
    "booking_soon": Both("预约前两小时", "Two hours before"),
    "birthday": Both("生日祝福", "Birthday"),
    "card_expiry": Both("疗程卡到期", "Card expiry"),
}
DUE = Both("应发时间", "Due")
TRIES = Both("尝试次数", "Tries")
LAST_ERROR = Both("最近错误", "Last error")
SENT_AT = Both("发送时间", "Sent")
NO_REMINDERS = Both("还没有提醒。", "No reminders yet.")

# --- reports (reports by period, with charts)
REPORTS = Both("报表", "Reports")
REPORT_NET = Both("营业额", "Net sales")
REPORT_BY_DAY = Both("每日营业额", "Net sales by day")
BY_CATEGORY = Both("类别销售", "By category")
TOP_SERVICES = Both("服务项目前十", "Top 10 services")
TOP_PRODUCTS = Both("商品前十", "Top 10 products")
BY_TECHNICIAN = Both("技师业绩", "By technician")
STORE_COMPARISON = Both("门店对比", "Store comparison")
PRODUCT_MARGIN = Both("商品毛利", "Product margin")
DAY = Both("日期", "Day")
CATEGORY = Both("类别", "Category")
NO_CATEGORY = Both("（无类别）", "(no category)")
SALES_AMOUNT = Both("销售额", "Sales")
TECHNICIAN = Both("技师", "Technician")
NO_TECHNICIAN = Both("（无技师）", "(no technician)")
UNKNOWN_STAFF = Both("（未同步的员工）", "(staff not synced)")
CUSTOMERS_SERVED = Both("服务顾客", "Customers")
REQUESTED = Both("点钟", "Requested")
COST = Both("成本", "Cost")
GROSS_MARGIN = Both("毛利", "Margin")
MARGIN_RATE = Both("毛利率", "Rate")
STORED_VALUE_SOLD = Both("储值售出", "Stored value sold")
PACKAGES_SOLD = Both("疗程卡售出", "Package cards sold")
REPORT_RULES = Both(
    "营业额＝服务和商品的实收，减去本期作废和退款（各记在作废、退款当天）；储值和疗程卡售出是预收款，另列。"
    "单数＝开单数减作废单数。",
    "Net sales: service and product money, less what voids and refunds took back in the period "
    "(each on its own day); stored value and package cards sold are paid in advance, shown "
    "apart. Tickets: sold less voided.",
)
MARGIN_NOTE = Both(
    "按商品当前成本计算（售出时的成本未保存）；未设成本的商品按 0 计。",
    "At each product's current cost (the cost at the sale is not kept); a product with no "
    "cost set counts 0.",
)
NO_PRODUCTS = Both("这段时间没有售出商品。", "No products sold in this period.")
