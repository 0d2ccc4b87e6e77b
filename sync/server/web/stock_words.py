"""The words of the stock pages (库存) in Chinese and English, beside the console's words.py
(docs/adr/0005); templates get them as `sw`."""

from __future__ import annotations

from sync.messages import Both, Message, is_chinese

STOCK = Both("库存", "Stock")
ON_HAND_TAB = Both("库存现况", "On hand")
LOW_TAB = Both("补货建议", "Reorder")
EXPIRING_TAB = Both("临期批次", "Expiring")
SLOW_TAB = Both("滞销商品", "Slow movers")
CONSUMPTION_TAB = Both("耗材消耗", "Consumables used")
MOVEMENTS = Both("出入库明细", "Movements")

STORE = Both("门店", "Store")
CATEGORY = Both("类别", "Category")
PRODUCT = Both("商品", "Product")
UNIT = Both("单位", "Unit")
ON_HAND = Both("库存", "On hand")
PACKAGES = Both("包装数", "Packages")
MINIMUM = Both("最低库存", "Minimum")
COST = Both("成本/包装", "Cost a package")
VALUE = Both("成本金额", "Value at cost")
LOW = Both("低于最低库存", "Low")
LOW_MARK = Both("偏低", "low")
BELOW_ZERO = Both("负库存", "below zero")
SUGGESTED = Both("建议订货", "To order")
ORDER_COST = Both("订货成本", "Order cost")
ALL_TOGETHER = Both("合计", "All together")
PRODUCTS = Both("商品数", "Products")
LOW_COUNT = Both("偏低商品", "Low")
SEARCH = Both("搜索商品名称", "Search by name")
ALL_CATEGORIES = Both("全部类别", "All categories")
LOW_ONLY = Both("只看偏低", "Low only")
SHOW = Both("查看", "Show")
CSV = Both("导出 CSV", "Export CSV")
STORE_COMPARISON = Both("门店对比", "Stores side by side")
NO_STOCK = Both(
    "还没有库存记录：收银台入库、盘点后这里会显示。",
    "No stock on record yet: receipts and stocktakes at the counters show here.",
)
NO_LOW = Both("没有低于最低库存的商品。", "Nothing is below its minimum.")
SUGGESTED_RULE = Both(
    "建议订货为包装数：补到最低库存的两倍，按包装向上取整（与收银台同一规则）；"
    "订货成本按本店当前成本。",
    "To order, in packages: up to twice the minimum, rounded up to whole packages (the"
    " counter's rule); its cost at the store's cost now.",
)
VALUE_RULE = Both(
    "成本金额 = 库存 × 每包装成本 ÷ 每包装数量（负库存计 0）；"
    "成本为本店移动平均成本，未入过库的按商品资料成本。",
    "Value at cost = on hand × a package's cost ÷ units a package (stock below zero is worth"
    " nothing); the cost is the store's moving average, else the catalog's.",
)
CHAIN_NOTE = Both(
    "连锁共享商品，以及各门店类别、名称、单位、规格相同的商品，在同一行对比。点门店的数字看出入库明细。",
    "A chain item, and the stores' own items of the same category, name, unit and package,"
    " share a row. A store's figure links to its movements.",
)

BATCH = Both("批号", "Batch")
EXPIRES_ON = Both("有效期至", "Expires")
EXPIRED = Both("已过期", "Expired")
DAYS_LEFT = Both("剩余天数", "Days left")
WITHIN_DAYS = Both("多少天内到期", "Expiring within (days)")
NO_EXPIRING = Both("这段时间内没有到期的批次。", "No batch with stock expires in that time.")

LAST_USED = Both("最近售出/使用", "Last sold or used")
NEVER_USED = Both("从未", "never")
IDLE_DAYS = Both("未动天数", "Idle days")
SLOW_DAYS = Both("多少天无销售或消耗", "Days with no sale or use")
NO_SLOW = Both("没有滞销商品。", "No slow movers.")

BY_SERVICE = Both("按服务项目", "By service")
BY_TECHNICIAN = Both("按技师", "By technician")
SERVICE = Both("服务项目", "Service")
TECHNICIAN = Both("技师", "Technician")
NO_TECHNICIAN = Both("（无技师）", "(no technician)")
UNITS_USED = Both("用量", "Used")
NO_CONSUMPTION = Both("这段时间没有耗材消耗。", "No consumables used in this period.")
CONSUMPTION_RULE = Both(
    "服务按耗材清单扣减的用量；作废单据在作废当日退回。金额按本店当前成本。",
    "What services used by their consumables lists; a void puts it back on its own day. Valued"
    " at the store's cost now.",
)

WHEN = Both("时间", "When")
DAY = Both("营业日", "Day")
KIND = Both("类型", "Kind")
CHANGE = Both("变动", "Change")
BALANCE = Both("结存", "Balance")
DOCUMENT = Both("单据", "Document")
REASON = Both("原因", "Reason")
BY = Both("经手人", "By")
COUNTER = Both("收银台", "Counter")
SERVER_MADE = Both("总部", "server")
NO_MOVEMENTS = Both("这个商品在本店还没有出入库记录。", "No movements of this product here yet.")
NEWER = Both("‹ 较新", "‹ Newer")
OLDER = Both("较早 ›", "Older ›")
MORE_ROWS = Both("下一页 ›", "Next page ›")
FEWER_ROWS = Both("‹ 上一页", "‹ Previous page")

KINDS = {
    "sale": Both("销售", "Sale"),
    "consumption": Both("服务耗用", "Used by a service"),
    "void": Both("作废退回", "Void"),
    "refund": Both("退货", "Refund"),
    "receipt": Both("采购入库", "Receipt"),
    "transfer_out": Both("调出", "Transfer out"),
    "transfer_in": Both("调入", "Transfer in"),
    "stocktake": Both("盘点", "Stocktake"),
    "write_off": Both("报损", "Write-off"),
    "adjustment": Both("调整", "Adjustment"),
}
UNITS = {
    "piece": Both("件", "pcs"),
    "ml": Both("毫升", "ml"),
    "g": Both("克", "g"),
}


class NegativeConflicts(Message):
    zh = "{store}：{count} 个负库存冲突待处理"
    en = "{store}: {count} negative stock conflicts to look at"


class PageOf(Message):
    zh = "第 {page} 页，共 {pages} 页（{count} 条）"
    en = "Page {page} of {pages} ({count} rows)"


class ExpiresIn(Message):
    zh = "{days} 天"
    en = "{days} days"


def unit_word(unit: str) -> Both:
    return UNITS.get(unit, Both(unit, unit))


def in_packages(units: int, pack_size: int) -> str:
    """Units as packages to one decimal ("3.5"), for a product kept by the ml or g; "" for one
    kept by the piece of one unit a package (the figure itself)."""
    if pack_size <= 1:
        return ""
    tenths = (abs(units) * 10 + pack_size // 2) // pack_size
    sign = "-" if units < 0 and tenths else ""
    return f"{sign}{tenths // 10}.{tenths % 10}"


# The stock documents: suppliers, purchase orders, stocktakes, transfers (read-only here:
# the counters make them).
SUPPLIERS_TAB = Both("供应商", "Suppliers")
ORDERS_TAB = Both("采购单", "Purchase orders")
STOCKTAKES_TAB = Both("盘点", "Stocktakes")
TRANSFERS_TAB = Both("调拨", "Transfers")
DOCUMENTS_NOTE = Both(
    "单据在收银台建立和处理，这里只读。", "The counters make these documents; here they are read."
)
# A list's period of business days (routes/stock_documents.document_period).
FROM_DAY = Both("开始日期", "From")
TO_DAY = Both("结束日期", "To")


class RecentDays(Message):
    zh = "最近 {days} 天"
    en = "Last {days} days"


# Which day of a document its list's period goes by, by the list's tab.
PERIOD_BY = {
    "orders": Both(
        "按建单日期（门店营业日）筛选；未到齐的采购单总会列出。",
        "By the day the order was created (the store's business day); an order not yet all"
        " received is always listed.",
    ),
    "documents": Both("按单据的营业日筛选。", "By the document's business day."),
    "stocktakes": Both(
        "按开始或过账的营业日筛选；未过账的盘点总会列出。",
        "By the business day it was started or posted; a stocktake not yet posted is always"
        " listed.",
    ),
    "transfers": Both(
        "按调出方的调出营业日筛选；在途的调拨总会列出。",
        "By the sending store's business day it was sent; a transfer still on its way is"
        " always listed.",
    ),
}

SUPPLIER = Both("供应商", "Supplier")
CONTACT = Both("联系人", "Contact")
PHONE = Both("电话", "Phone")
NOTE = Both("备注", "Note")
ORDER_COUNT = Both("采购单数", "Orders")
INACTIVE = Both("已停用", "inactive")
NO_SUPPLIERS = Both(
    "还没有供应商：在收银台的库存页添加。", "No suppliers yet: add them at a counter."
)

NUMBER = Both("单号", "Number")
STATE = Both("状态", "State")
ALL_STATES = Both("全部状态", "All states")
CREATED = Both("建单时间", "Created")
ORDERED_AT = Both("下单时间", "Ordered")
ORDERED = Both("订购", "Ordered")
RECEIVED = Both("已到", "Received")
OUTSTANDING = Both("未到", "To come")
UNIT_COST = Both("单价/包装", "Cost a package")
LINE_TOTAL = Both("金额", "Amount")
ORDER_TOTAL = Both("订单金额", "Order total")
RECEIVED_VALUE = Both("已到金额", "Received value")
LINES = Both("商品行", "Lines")
NO_ORDERS = Both("没有采购单。", "No purchase orders.")
ORDER_RULE = Both(
    "数量按包装；已到为按本单入库的数量（整包装），状态据此得出，与收银台相同。",
    "Quantities in packages; received is what receipts against the order brought (whole"
    " packages), and the state follows from it, as at the counter.",
)
ORDER_STATE_WORDS = {
    "draft": Both("草稿", "Draft"),
    "ordered": Both("已下单", "Ordered"),
    "partly_received": Both("部分到货", "Partly received"),
    "received": Both("已到货", "Received"),
    "cancelled": Both("已取消", "Cancelled"),
}

SCOPE = Both("范围", "Scope")
SCOPE_FULL = Both("全店", "Whole store")
STARTED = Both("开始", "Started")
POSTED = Both("过账", "Posted")
OPEN = Both("盘点中", "Counting")
POSTED_STATE = Both("已过账", "Posted")
EXPECTED = Both("账面", "Expected")
COUNTED = Both("实盘", "Counted")
DIFFERENCE = Both("差异", "Difference")
VARIANCE = Both("差异金额（成本）", "Variance at cost")
DIFFERING = Both("有差异商品", "Products differing")
COUNTED_AT = Both("最后清点", "Last counted")
NO_STOCKTAKES = Both("没有盘点记录。", "No stocktakes.")
COUNTS_SO_FAR = Both(
    "尚未过账：以下为目前各商品的清点合计。", "Not posted yet: each product's counts so far."
)
SHEET = Both("盘点表", "Sheet")
NO_COUNTS = Both("还没有清点任何商品。", "Nothing counted yet.")
STOCKTAKE_RULE = Both(
    "账面为该商品最后一次清点时的记录数；差异 = 实盘 − 账面，金额按成本（亏损为负）。",
    "Expected is what the records held at the product's last count; difference = counted -"
    " expected, valued at cost (a loss negative).",
)

FROM_STORE = Both("调出门店", "From")
TO_STORE = Both("调入门店", "To")
DIRECTION = Both("方向", "Direction")
SENT_OUT = Both("调出", "Sent")
CAME_IN = Both("调入", "Received")
SENT_AT = Both("发出时间", "Sent")
RECEIVED_AT = Both("收货时间", "Received")
SENT = Both("发出", "Sent")
ARRIVED = Both("收到", "Arrived")
SHORT = Both("短少", "Short")
NO_TRANSFERS = Both("没有调拨记录。", "No transfers.")
TRANSFER_STATE_WORDS = {
    "in_transit": Both("在途", "In transit"),
    "received": Both("已收货", "Received"),
    "short": Both("已收货（有差异）", "Received, short"),
}
TRANSFER_RULE = Both(
    "数量按商品的库存单位；收货方如实登记到货数，差异留档不抹平。",
    "Quantities in each product's unit; the receiving store enters what arrived, and a"
    " difference is kept, never hidden.",
)

DOCUMENTS_TAB = Both("入库报损", "Receipts & write-offs")
DOCUMENT_KIND_WORDS = {
    "receipt": Both("入库", "Receipt"),
    "write_off": Both("报损", "Write-off"),
    "adjustment": Both("调整", "Adjustment"),
}
ALL_KINDS = Both("全部类型", "All kinds")
DOCUMENT_COUNT = Both("单据数", "Documents")
RECEIVED_AT_COST = Both("入库金额（成本）", "Received at cost")
WRITTEN_OFF_AT_COST = Both("报损金额（成本）", "Written off at cost")
REASON_NOTE = Both("原因/备注", "Reason / note")
QUANTITY = Both("数量", "Quantity")
NO_DOCUMENTS = Both("没有入库或报损记录。", "No receipts or write-offs.")
DOCUMENT_RULE = Both(
    "数量按商品的库存单位，报损为负；金额按本店当前成本（移动平均，未入过库的按商品资料成本），"
    "报损为负。按采购单入库的可点开采购单。",
    "Quantities in each product's unit, a write-off's negative; valued at the store's cost now"
    " (its moving average, else the catalog's), a write-off's negative. A receipt against a"
    " purchase order links to it.",
)


class ProductsOf(Message):
    """A document's products in a list: the first, and how many."""

    zh = "{name} 等 {count} 种"
    en = "{name} and others, {count} in all"


def categories_words(scope: str, categories: tuple[str, ...], language: str) -> str:
    if scope == "full" or not categories:
        return SCOPE_FULL.text(language)
    return ("、" if is_chinese(language) else ", ").join(categories)
