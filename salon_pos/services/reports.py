"""Reports for managers and owners (报表): sales by day, week or month; by service, category and
technician; top sellers; product margin; customer analysis; staff performance. Each is read
over a period of business days in one short read and returned as a salon_pos.reports.Report,
which the screen, the command line, the PDF and the CSV writers all show alike.

The rules (a void or refund counts on the day it happens; what is revenue) are in
salon_pos.domain.sales_figures and docs/reports.md."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from salon_pos.domain.customer_figures import customer_figures
from salon_pos.domain.report_periods import Grain, Period
from salon_pos.domain.sales_figures import (
    ItemFigures,
    by_category,
    by_item,
    by_technician,
    sales_by,
    with_costs,
)
from salon_pos.domain.ticket import LineKind
from salon_pos.reports.model import Report, ReportLabels, Section
from salon_pos.services.counter import CounterService
from salon_pos.services.report_data import (
    StoreTime,
    active_technicians,
    customers_of,
    read_movements,
    read_registered,
    read_service_minutes,
    read_unit_costs,
    read_visits,
    staff_names,
)
from salon_pos.services.report_people import (
    customer_overview,
    lapsed_section,
    staff_section,
)
from salon_pos.services.report_sections import (
    margin_section,
    sales_section,
    share_section,
    top_section,
    words,
)
from salon_pos.services.stock import StockService
from salon_pos.services.stock_report_sections import (
    consumption_sections,
    expiring_section,
    flow_section,
    on_hand_sections,
    slow_section,
)
from salon_pos.services.stock_reports import (
    expiring_values,
    read_consumption,
    read_flows,
    read_last_moved,
    slow_movers,
)
from sync.messages import Both

AWAY_DAYS = 60  # "customers not seen for N days": the store's usual reminder (PRODUCT.md)


class ReportKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SERVICE = "service"
    CATEGORY = "category"
    TECHNICIAN = "technician"
    TOP = "top"
    MARGIN = "margin"
    CUSTOMERS = "customers"
    STAFF = "staff"
    STOCK = "stock"
    STOCK_FLOW = "stock-flow"
    CONSUMPTION = "consumption"
    EXPIRING = "expiring"
    SLOW = "slow-movers"

    @property
    def words(self) -> Both:
        return _TITLES[self]

    @property
    def is_stock_now(self) -> bool:
        """A report of the stock as it is now: the period does not change it."""
        return self in (ReportKind.STOCK, ReportKind.EXPIRING, ReportKind.SLOW)

    @property
    def takes_days(self) -> bool:
        """Expiring within N days, or not sold for N days: the report needs its N."""
        return self in (ReportKind.EXPIRING, ReportKind.SLOW)


_TITLES = {
    ReportKind.DAY: Both("营业额（按日）", "Sales by day"),
    ReportKind.WEEK: Both("营业额（按周）", "Sales by week"),
    ReportKind.MONTH: Both("营业额（按月）", "Sales by month"),
    ReportKind.SERVICE: Both("服务项目销售", "Sales by service"),
    ReportKind.CATEGORY: Both("类别销售", "Sales by category"),
    ReportKind.TECHNICIAN: Both("技师销售", "Sales by technician"),
    ReportKind.TOP: Both("畅销排行", "Top sellers"),
    ReportKind.MARGIN: Both("商品毛利", "Product margin"),
    ReportKind.CUSTOMERS: Both("客户分析", "Customer analysis"),
    ReportKind.STAFF: Both("员工业绩", "Staff performance"),
    ReportKind.STOCK: Both("库存金额", "Stock on hand and value"),
    ReportKind.STOCK_FLOW: Both("进销存明细", "Stock in and out by product"),
    ReportKind.CONSUMPTION: Both("耗材用量", "Consumables used"),
    ReportKind.EXPIRING: Both("临期库存", "Expiring stock"),
    ReportKind.SLOW: Both("滞销商品", "Slow movers"),
}
DEFAULT_DAYS = {ReportKind.EXPIRING: 30, ReportKind.SLOW: 60}  # the stock page's, the console's
_STOCK_KINDS = frozenset(
    (
        ReportKind.STOCK,
        ReportKind.STOCK_FLOW,
        ReportKind.CONSUMPTION,
        ReportKind.EXPIRING,
        ReportKind.SLOW,
    )
)
_GRAINS = {ReportKind.DAY: Grain.DAY, ReportKind.WEEK: Grain.WEEK, ReportKind.MONTH: Grain.MONTH}

NOTES = {
    "yuan": Both("金额单位：元。", "Amounts in yuan."),
    "days": Both(
        "作废计入作废当天，退款计入退款当天，原销售日的数字不变。"
        "营业额为服务和商品（含以储值、疗程卡支付的部分，于服务完成时计入）；"
        "储值充值和疗程卡售出不计入营业额，单独列出。",
        "A void counts on the day of the void and a refund on the day of the refund; the day "
        "of the sale keeps its figures. Sales are services and products (those paid by stored "
        "value or package sessions too, on the day the service is done); top-ups and package "
        "cards sold are not sales and are listed apart.",
    ),
    "split": Both(
        "多人合作的项目按分成比例拆分到每位技师，拆分后合计与原金额分毫不差。",
        "A line shared by several technicians is split by their shares, the parts adding up "
        "to the line to the fen.",
    ),
    "cost": Both(
        "成本按商品的当前成本计算（销售时的成本未保存）。",
        "Cost is each product's current cost (the cost at the time of sale is not kept).",
    ),
    "customers": Both(
        "到店：当天有未作废的单据（同一天多单算一次）。新客：首次到店在期间内。"
        "复购率：期间内到店两天及以上的客户占比。",
        "A visit is a business day with a ticket that stands (several on a day are one). New: "
        "first visit in the period. Repeat rate: the share of customers with two visits or "
        "more in it.",
    ),
    "lapsed": Both(
        "按未到店天数从少到多，最多列出 {rows} 位。",
        "Fewest days away first; at most {rows} listed.",
    ),
    "stock_cost": Both(
        "金额按门店当前的移动平均进价计算（没有进货记录的按商品成本）。",
        "Values are at the store's moving-average cost now (the catalog's cost for a product "
        "never received).",
    ),
    "stock_units": Both(
        "数量按商品的计量单位（ml、g 或件）。",
        "Quantities are in each product's unit (ml, g or piece).",
    ),
    "stock_now": Both(
        "库存及金额均为打印时的数字，与所选期间无关。",
        "The stock as it is when printed, whatever the period chosen.",
    ),
    "consumption": Both(
        "耗用计入服务完成的营业日，作废的单据在作废当天退回；退款的服务所用耗材不退回。",
        "Use counts on the business day of the service; a void gives it back on the day of the "
        "void; a refunded service's consumables stay used.",
    ),
    "staff": Both(
        "单数和服务顾客按期间内的销售（作废的不计）；平均服务时长来自已完成的预约。",
        "Tickets and customers served count the period's sales (not those voided); the "
        "average service time is from completed bookings.",
    ),
}


def report_labels(language: str) -> ReportLabels:
    """The words the report writers add, in `language` (any report of the app's)."""
    return ReportLabels(
        period=Both("期间：", "Period: ").text(language),
        printed_at=Both("打印时间：", "Printed: ").text(language),
        page=Both("第 {page} 页", "Page {page}").text(language),
        no_rows=Both("（无数据）", "(nothing)").text(language),
    )


class ReportService(CounterService):
    def business_today(self) -> date:
        return self._store_time().day_of(self._clock.now())

    def build(
        self,
        kind: ReportKind,
        first: date,
        last: date,
        language: str = "zh_CN",
        days: int | None = None,
    ) -> Report:
        """The report of `kind` over the business days first..last (both included); a report of
        the stock now is of today whatever the period, and `days` is the N of one that takes
        it (DEFAULT_DAYS when None)."""
        period = Period(first, last).check()
        if kind in _STOCK_KINDS:
            today = self.business_today() if kind.is_stock_now else None
            sections = self._stock(kind, period, days, language)
            first, last = (today, today) if today else (first, last)
            return self._report(kind, first, last, sections, language)
        builders: dict[ReportKind, Callable[[Session, Period, str], list[Section]]] = {
            ReportKind.SERVICE: self._by_service,
            ReportKind.CATEGORY: self._by_category,
            ReportKind.TECHNICIAN: self._by_technician,
            ReportKind.TOP: self._top,
            ReportKind.MARGIN: self._margin,
            ReportKind.CUSTOMERS: self._customers,
            ReportKind.STAFF: self._staff,
        }
        with self._db.read() as session:
            if kind in _GRAINS:
                sections = self._sales(session, period, language, _GRAINS[kind])
            else:
                sections = builders[kind](session, period, language)
        return self._report(kind, first, last, sections, language)

    def _report(
        self, kind: ReportKind, first: date, last: date, sections: list[Section], language: str
    ) -> Report:
        settings = self._settings.current
        printed = self._clock.now().astimezone(ZoneInfo(settings.time_zone)).replace(tzinfo=None)
        return Report(
            title=kind.words.text(language),
            store=settings.store_name,
            first_day=first,
            last_day=last,
            printed_at=printed,
            sections=tuple(sections),
            footnotes=tuple(NOTES[key].text(language) for key in _FOOTNOTES[kind]),
            labels=report_labels(language),
        )

    def _stock(
        self, kind: ReportKind, period: Period, days: int | None, language: str
    ) -> list[Section]:
        """The stock reports (services/stock_reports.py): on hand, expiring and slow movers
        from the stock page's own reads, the flow and consumption from the ledger."""
        days = DEFAULT_DAYS.get(kind, 0) if days is None else days
        stock = StockService(self._db, self._settings, self._clock)
        if kind is ReportKind.STOCK:
            return on_hand_sections(stock.on_hand(), language)
        if kind is ReportKind.EXPIRING:
            found = expiring_values(stock.expiring(days), stock.on_hand(), self.business_today())
            return [expiring_section(found, days, language)]
        with self._db.read() as session:
            if kind is ReportKind.STOCK_FLOW:
                return [flow_section(read_flows(session, period), language)]
            if kind is ReportKind.CONSUMPTION:
                used = read_consumption(session, period, staff_names(session))
                return consumption_sections(*used, language)
            last_moved = read_last_moved(session)
        slow = slow_movers(stock.on_hand(), last_moved, self.business_today(), days)
        return [slow_section(slow, days, language)]

    def _store_time(self) -> StoreTime:
        settings = self._settings.current
        return StoreTime(settings.time_zone, settings.cutover_hour)

    def _sales(
        self, session: Session, period: Period, language: str, grain: Grain
    ) -> list[Section]:
        facts = read_movements(session, period)
        figures = sales_by(facts.movements, period, grain)
        title = _SECTION_TITLES[grain.value].text(language)
        return [sales_section(title, figures, period, grain, language)]

    def _by_service(self, session: Session, period: Period, language: str) -> list[Section]:
        movements = read_movements(session, period).movements
        found = by_item(movements, LineKind.SERVICE, period)
        heading, title = words("service", language), _SECTION_TITLES["service"].text(language)
        return [share_section(title, heading, found, lambda f: f.name, language)]

    def _by_category(self, session: Session, period: Period, language: str) -> list[Section]:
        movements = read_movements(session, period).movements
        found = by_category(movements, period)
        none = words("no_category", language)
        heading, title = words("category", language), _SECTION_TITLES["category"].text(language)
        return [share_section(title, heading, found, lambda f: f.name or none, language)]

    def _by_technician(self, session: Session, period: Period, language: str) -> list[Section]:
        movements = read_movements(session, period).movements
        found = sorted(by_technician(movements, period).values(), key=lambda f: -f.amount)
        names = staff_names(session)
        none = words("no_technician", language)
        heading = words("technician", language)
        title = _SECTION_TITLES["technician"].text(language)

        def name(f: ItemFigures) -> str:
            return names.get(f.key, "?") if f.key else none

        return [share_section(title, heading, found, name, language)]

    def _top(self, session: Session, period: Period, language: str) -> list[Section]:
        movements = read_movements(session, period).movements
        sections = []
        for kind, key in ((LineKind.SERVICE, "service"), (LineKind.PRODUCT, "product")):
            found = by_item(movements, kind, period)
            for by_count in (False, True):
                title = _TOP_TITLES[(kind, by_count)].text(language)
                sections.append(top_section(title, words(key, language), found, by_count, language))
        return sections

    def _margin(self, session: Session, period: Period, language: str) -> list[Section]:
        movements = read_movements(session, period).movements
        found = with_costs(by_item(movements, LineKind.PRODUCT, period), read_unit_costs(session))
        return [margin_section(_SECTION_TITLES["margin"].text(language), found, language)]

    def _customers(self, session: Session, period: Period, language: str) -> list[Section]:
        figures = customer_figures(read_visits(session, period.last), period, AWAY_DAYS)
        registered = read_registered(session, period, self._store_time())
        people = customers_of(session, (c.customer_id for c in figures.lapsed[:300]))
        title = _SECTION_TITLES["customers"].text(language)
        lapsed_title = Both(f"超过 {AWAY_DAYS} 天未到店", f"Not seen for {AWAY_DAYS} days")
        note = NOTES["lapsed"].text(language).format(rows=300)
        return [
            customer_overview(title, figures, registered, AWAY_DAYS, language),
            lapsed_section(lapsed_title.text(language), figures, people, language, note),
        ]

    def _staff(self, session: Session, period: Period, language: str) -> list[Section]:
        store = self._store_time()
        facts = read_movements(session, period)
        found = by_technician(facts.movements, period, facts.voided_tickets)
        minutes = read_service_minutes(session, period, store)
        title = _SECTION_TITLES["staff"].text(language)
        technicians = active_technicians(session)
        names = staff_names(session)
        return [staff_section(title, found, names, minutes, technicians, language)]


_SECTION_TITLES = {
    "day": Both("每日明细", "Day by day"),
    "week": Both("每周明细", "Week by week"),
    "month": Both("每月明细", "Month by month"),
    "service": Both("按服务项目", "By service"),
    "category": Both("按类别（服务和商品）", "By category (services and products)"),
    "technician": Both("按技师", "By technician"),
    "margin": Both("按商品", "By product"),
    "customers": Both("概况", "Overview"),
    "staff": Both("按员工", "By staff member"),
}
_TOP_TITLES = {
    (LineKind.SERVICE, False): Both("服务项目 TOP 10（按营业额）", "Top 10 services by sales"),
    (LineKind.SERVICE, True): Both("服务项目 TOP 10（按数量）", "Top 10 services by quantity"),
    (LineKind.PRODUCT, False): Both("商品 TOP 10（按营业额）", "Top 10 products by sales"),
    (LineKind.PRODUCT, True): Both("商品 TOP 10（按数量）", "Top 10 products by quantity"),
}
_FOOTNOTES = {
    "yuan": Both("金额单位：元。", "Amounts in yuan."),
    ReportKind.DAY: ("yuan", "days"),
    ReportKind.WEEK: ("yuan", "days"),
    ReportKind.MONTH: ("yuan", "days"),
    ReportKind.SERVICE: ("yuan", "days"),
    ReportKind.CATEGORY: ("yuan", "days"),
    ReportKind.TECHNICIAN: ("yuan", "days", "split"),
    ReportKind.TOP: ("yuan", "days"),
    ReportKind.MARGIN: ("yuan", "days", "cost"),
    ReportKind.CUSTOMERS: ("customers",),
    ReportKind.STAFF: ("yuan", "days", "split", "staff"),
    ReportKind.STOCK: ("yuan", "stock_now", "stock_units", "stock_cost"),
    ReportKind.STOCK_FLOW: ("yuan", "stock_units", "stock_cost"),
    ReportKind.CONSUMPTION: ("yuan", "consumption", "stock_units", "stock_cost"),
    ReportKind.EXPIRING: ("yuan", "stock_now", "stock_units", "stock_cost"),
    ReportKind.SLOW: ("yuan", "stock_now", "stock_units", "stock_cost"),
}
