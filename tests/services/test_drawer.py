"""Cash drawer sessions through the service layer, against a real SQLite file: the expected cash
counts only this counter's cash (its sales, the voids and refunds it handed back, also of
tickets sold at another counter; never the tickets pulled from another counter), pay-ins and
pay-outs, stored value paid back in cash and an overdraft collected in cash; blind closes; and
refusals with clear messages that write nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import (
    AuditEntry,
    DrawerMovement,
    DrawerSession,
    OutboxOperation,
    Setting,
    SyncConflict,
)
from salon_pos.domain.drawer import (
    DrawerAlreadyOpen,
    DrawerNotForRole,
    MoveKind,
    MoveReasonRequired,
    NegativeCount,
    NegativeFloat,
    NoOpenDrawer,
    PayOutMoreThanDrawer,
    PayOutNeedsApproval,
    SessionAlreadyClosed,
    VarianceNeedsApproval,
    VarianceNeedsReason,
)
from salon_pos.domain.errors import WrongManagerPin
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.sync_changes import apply_page
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.sync.client.feed import Feed, open_counter

TODAY = date(2026, 11, 20)
CASH_OF_SALE = 19_400  # three_line_sale: ¥200 cash for ¥194 after ¥300 WeChat
COUNT_500 = {10_000: 4, 5_000: 2}  # ¥500


def rows(backend: Backend, *what: object) -> int:
    with backend.db.read() as s:
        return sum(s.scalar(select(func.count()).select_from(w)) or 0 for w in what)  # type: ignore[arg-type]


def ops(backend: Backend, op_type: str) -> list[dict[str, object]]:
    with backend.db.read() as s:
        found = s.scalars(
            select(OutboxOperation.payload)
            .where(OutboxOperation.type == op_type)
            .order_by(OutboxOperation.seq)
        )
        return [json.loads(p) for p in found]


def set_store(backend: Backend, **values: int) -> None:
    with backend.db.write() as s:
        for key, value in values.items():
            s.merge(Setting(key=key, value=str(value)))
    backend.settings.reload()


@pytest.fixture
def b1(
    tmp_path: Path, clock: FakeClock, migrated_template: Path, backend: Backend, team: Team,
    shelf: Shelf,
) -> Iterator[tuple[Backend, Feed]]:  # fmt: skip
    """Counter B1 of the store, knowing A1's staff and catalog; the feed carries its sales."""
    counter = open_counter(tmp_path / "b1", migrated_template, clock, "B1")
    feed = Feed()
    with counter.db.write() as s:
        apply_page(s, feed.from_outbox(backend), None)
    yield counter, feed
    counter.close()


def pull(counter: Backend, feed: Feed, source: Backend) -> None:
    """What `source` did reaches `counter`, as the server would send it."""
    start = len(feed.changes)
    feed.from_outbox(source)
    with counter.db.write() as s:
        apply_page(s, feed.changes[start:], None)


def test_expected_counts_this_counters_cash_only(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock, b1: tuple[Backend, Feed]
) -> None:
    other, feed = b1
    drawer = backend.drawer
    assert drawer.current() is None
    opened = drawer.open(50_000, team.desk.id)
    assert (opened.opening_float, opened.expected) == (50_000, 50_000)
    assert opened.opened_by_name == "周小敏"
    assert opened.opened_at.strftime("%H:%M") == "14:30"  # the store's time
    clock.advance(minutes=5)
    backend.checkout.complete_sale(three_line_sale(team, shelf))  # here: ¥194 in cash
    elsewhere = [other.checkout.complete_sale(three_line_sale(team, shelf)) for _ in range(2)]
    pull(backend, feed, other)  # two tickets sold at B1, with cash: never in A1's drawer
    assert drawer.current().figures.cash_sales == CASH_OF_SALE  # type: ignore[union-attr]
    clock.advance(minutes=5)
    backend.checkout.void_sale(elsewhere[0].ticket_id, Team.MANAGER_PIN, "重复", team.desk.id)
    serum = backend.tickets.get(elsewhere[1].ticket_id).lines[2]
    backend.checkout.refund_lines(
        elsewhere[1].ticket_id,
        {serum.id: 1},
        Team.MANAGER_PIN,
        "过敏",
        team.desk.id,
        TenderKind.CASH,
    )  # fmt: skip — A1 hands ¥194 and ¥128 back from its drawer
    drawer.pay_in(10_000, "备用金补充", team.desk.id)
    now = drawer.pay_out(5_000, " 采购支出 ", team.desk.id)
    assert now.figures.cash_back == CASH_OF_SALE + 12_800
    assert (now.figures.moved_in, now.figures.moved_out) == (10_000, 5_000)
    expected = 50_000 + CASH_OF_SALE - CASH_OF_SALE - 12_800 + 10_000 - 5_000
    assert now.expected == expected == 42_200
    assert [(m.kind, m.amount, m.reason) for m in now.movements] == [
        (MoveKind.PAY_IN, 10_000, "备用金补充"), (MoveKind.PAY_OUT, 5_000, "采购支出")
    ]  # fmt: skip
    # B1 knows nothing of A1's drawer: its own cash is its own.
    assert other.drawer.current() is None
    assert other.drawer.cash_outside_sessions(TODAY).taken == 2 * CASH_OF_SALE

    clock.advance(hours=1)
    counts = {10_000: 4, 1_000: 2, 100: 2}  # ¥422 counted: no variance
    closed = drawer.close(now.id, counts, team.desk.id)
    assert (closed.counted, closed.expected, closed.variance) == (42_200, 42_200, 0)
    assert closed.closed_by_name == "周小敏" and drawer.current() is None
    [sent] = ops(backend, "drawer.closed")
    assert (sent["counted"], sent["expected"], sent["variance"]) == (42_200, 42_200, 0)
    assert sent["counts"] == {"10000": 4, "1000": 2, "100": 2}
    assert [op["kind"] for op in ops(backend, "drawer.cash_moved")] == ["pay_in", "pay_out"]
    assert len(ops(backend, "drawer.opened")) == 1
    with backend.db.read() as s:
        audited = s.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.action.like("drawer.%"))
            .order_by(AuditEntry.seq)
        ).all()
    assert audited == ["drawer.opened", "drawer.cash_moved", "drawer.cash_moved", "drawer.closed"]
    [listed] = drawer.sessions_of_day(TODAY)
    assert (listed.expected, listed.counted, listed.figures.cash_in) == (42_200, 42_200, 29_400)
    assert drawer.cash_outside_sessions(TODAY).net == 0


def test_stored_value_paid_back_in_cash_comes_out_of_the_drawer(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    customer = backend.customers.add("退卡客", "13600136000").id
    top_up = SaleLine(LineKind.STORED_VALUE, customer, unit_price=30_000)
    paid_by_card = [Tender(TenderKind.BANK_CARD, 30_000)]
    backend.checkout.complete_sale(SaleRequest(team.desk.id, [top_up], paid_by_card, customer))
    session = backend.drawer.open(50_000, team.desk.id)
    clock.advance(minutes=1)
    paid = backend.members.refund_stored_value(customer, "搬家", Team.MANAGER_PIN, team.desk.id)
    assert paid == 30_000
    now = backend.drawer.current()
    assert now is not None and now.expected == 20_000
    [moved] = now.movements
    assert (moved.kind, moved.amount, moved.approved_by) == (
        MoveKind.STORED_VALUE_REFUND, 30_000, "王店长"
    )  # fmt: skip
    [sent] = ops(backend, "drawer.cash_moved")
    assert (sent["session_id"], sent["customer_id"], sent["kind"]) == (
        session.id, customer, "stored_value_refund"
    )  # fmt: skip


def test_stored_value_paid_back_with_no_session_open_is_cash_outside_sessions(
    backend: Backend, team: Team
) -> None:
    customer = backend.customers.add("退卡客", "13600136000").id
    top_up = SaleLine(LineKind.STORED_VALUE, customer, unit_price=30_000)
    backend.checkout.complete_sale(
        SaleRequest(team.desk.id, [top_up], [Tender(TenderKind.CASH, 30_000)], customer)
    )
    backend.members.refund_stored_value(customer, "搬家", Team.MANAGER_PIN, team.desk.id)
    outside = backend.drawer.cash_outside_sessions(TODAY)
    assert (outside.taken, outside.handed_back, outside.net) == (30_000, 30_000, 0)
    assert len(outside.tickets) == 1
    with backend.db.read() as s:
        assert s.scalars(select(DrawerMovement.session_id)).all() == [None]


def test_an_overdraft_collected_in_cash_goes_into_the_drawer(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    customer = backend.customers.add("透支客", "13500135000").id
    details = {"customer_id": customer, "account": "principal", "shortfall": 30_000}
    with backend.db.write() as s:
        for conflict_id, account in (("c-money", "principal"), ("c-points", "points")):
            s.add(
                SyncConflict(
                    id=conflict_id, type="overdraft", status="open", entity="customer",
                    entity_id=customer, details=details | {"account": account},
                    suggestion="collect", created_at=clock.now(),
                )
            )  # fmt: skip
    backend.drawer.open(10_000, team.desk.id)
    backend.sync.resolve("c-points", "collect", team.manager.id, tender="cash")
    backend.sync.resolve("c-money", "collect", team.manager.id, tender="cash")
    now = backend.drawer.current()
    assert now is not None and now.expected == 40_000  # points collected are no cash
    assert [(m.kind, m.amount) for m in now.movements] == [(MoveKind.OVERDRAFT_COLLECTED, 30_000)]


def test_a_blind_close_short_needs_a_reason_and_keeps_the_first_count(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    set_store(backend, drawer_blind_close=1)
    assert backend.drawer.blind
    session = backend.drawer.open(50_000, team.desk.id)
    clock.advance(hours=8)
    short = {10_000: 4, 5_000: 1, 2_000: 2, 500: 1, 100: 3}  # ¥498: ¥2 short
    with pytest.raises(VarianceNeedsReason) as refused:
        backend.drawer.close(session.id, short, team.desk.id)
    assert refused.value.text("zh_CN") == "清点金额与应有现金相差 -¥2.00，请填写原因。"
    assert backend.drawer.current() is not None  # still open: the close was refused
    recount = short | {100: 4}  # ¥499 the second time
    closed = backend.drawer.close(session.id, recount, team.desk.id, reason="找零失误")
    assert (closed.counted, closed.variance, closed.blind) == (49_900, -100, True)
    assert (closed.first_counted, closed.close_reason) == (49_800, "找零失误")
    with backend.db.read() as s:
        blind = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "drawer.blind_count"))
        assert [json.loads(a)["variance"] for a in blind] == [-200]


def test_a_variance_beyond_the_limit_needs_a_managers_pin(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    session = backend.drawer.open(50_000, team.desk.id)
    over = {10_000: 6}  # ¥600: ¥100 over, beyond the ¥50 default
    with pytest.raises(VarianceNeedsApproval):
        backend.drawer.close(session.id, over, team.desk.id, reason="多收")
    with pytest.raises(WrongManagerPin):
        backend.drawer.close(session.id, over, team.desk.id, "多收", "0000")
    closed = backend.drawer.close(session.id, over, team.desk.id, "多收", Team.MANAGER_PIN)
    assert (closed.variance, closed.approved_by_name) == (10_000, "王店长")
    assert closed.first_counted is None  # not a blind count
    reopened = backend.drawer.open(0, team.manager.id)  # the next shift
    with pytest.raises(VarianceNeedsReason):  # a manager is asked for the reason, no PIN
        backend.drawer.close(reopened.id, {10_000: 1}, team.manager.id)
    own = backend.drawer.close(reopened.id, {10_000: 1}, team.manager.id, "备用金未点")
    assert own.approved_by_name == "王店长"  # a manager's own close is their approval


def test_pay_outs_above_the_limit_need_a_manager_and_never_exceed_the_drawer(
    backend: Backend, team: Team
) -> None:
    set_store(backend, drawer_pay_out_pin=10_000)
    backend.drawer.open(50_000, team.desk.id)
    with pytest.raises(PayOutNeedsApproval) as refused:
        backend.drawer.pay_out(20_000, "采购", team.desk.id)
    assert refused.value.text("zh_CN") == "支出 ¥200.00 超过 ¥100.00，需要店长输入 PIN。"
    with pytest.raises(PayOutMoreThanDrawer) as refused_too:
        backend.drawer.pay_out(60_000, "采购", team.manager.id)
    assert refused_too.value.text("zh_CN") == "钱箱中应有 ¥500.00，支出 ¥600.00 超过了这个数。"
    now = backend.drawer.pay_out(20_000, "采购", team.desk.id, Team.MANAGER_PIN)
    assert now.movements[0].approved_by == "王店长" and now.expected == 30_000


def test_refusals_say_why_and_write_nothing(backend: Backend, team: Team, clock: FakeClock) -> None:
    drawer = backend.drawer
    before = rows(backend, OutboxOperation, AuditEntry)
    for attempt, error in (
        (lambda: drawer.open(-100, team.desk.id), NegativeFloat),
        (lambda: drawer.open(50_000, team.tech.id), DrawerNotForRole),
        (lambda: drawer.pay_in(1_000, "零钱", team.desk.id), NoOpenDrawer),
    ):
        with pytest.raises(error):
            attempt()
    assert rows(backend, OutboxOperation, AuditEntry, DrawerSession) == before
    session = drawer.open(50_000, team.desk.id)
    before = rows(backend, OutboxOperation, AuditEntry, DrawerSession, DrawerMovement)
    with pytest.raises(DrawerAlreadyOpen) as twice:
        drawer.open(20_000, team.manager.id)
    assert twice.value.text("zh_CN") == "本收银台已经开班（14:30 由 周小敏 开班），请先交班。"
    with pytest.raises(MoveReasonRequired):
        drawer.pay_out(1_000, "  ", team.desk.id)
    with pytest.raises(NegativeCount):
        drawer.close(session.id, {100: -3}, team.desk.id)
    assert rows(backend, OutboxOperation, AuditEntry, DrawerSession, DrawerMovement) == before
    drawer.close(session.id, COUNT_500, team.desk.id)
    before = rows(backend, OutboxOperation, AuditEntry, DrawerSession, DrawerMovement)
    with pytest.raises(SessionAlreadyClosed) as closed:
        drawer.close(session.id, COUNT_500, team.desk.id)
    assert "周小敏" in closed.value.text("zh_CN")
    assert rows(backend, OutboxOperation, AuditEntry, DrawerSession, DrawerMovement) == before


def test_cash_taken_with_no_session_open_is_listed_apart(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    outside = backend.checkout.complete_sale(three_line_sale(team, shelf))
    clock.advance(minutes=10)
    session = backend.drawer.open(50_000, team.desk.id)
    clock.advance(minutes=10)
    backend.checkout.complete_sale(replace(three_line_sale(team, shelf)))
    clock.advance(minutes=10)
    backend.drawer.close(session.id, {10_000: 6, 2_000: 3, 100: 4}, team.desk.id, "?")
    cash = backend.drawer.cash_outside_sessions(TODAY)
    assert (cash.taken, cash.handed_back, cash.tickets) == (CASH_OF_SALE, 0, (outside.number,))


def test_the_close_slip_prints_the_figures_and_the_count(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    from salon_pos.devices import DummyPrinter
    from salon_pos.devices.receipt import two_columns
    from salon_pos.services.drawer import DrawerService
    from tests.devices.escpos_text import printed_rows

    set_store(backend, drawer_blind_close=1)
    with backend.db.write() as s:
        s.merge(Setting(key="printer_kind", value="dummy"))
    backend.settings.reload()
    paper = DummyPrinter("", 80)
    drawer = DrawerService(backend.db, backend.settings, clock, lambda _settings: paper)
    session = drawer.open(50_000, team.desk.id)
    drawer.pay_out(5_000, "采购支出", team.desk.id)
    clock.advance(hours=8)
    count = {10_000: 4, 2_000: 2, 500: 1, 100: 3}  # ¥448: ¥2 short
    drawer.close(session.id, count, team.desk.id, "找零失误")
    assert drawer.print_close(session.id).printed
    rows = printed_rows(paper.output)
    assert rows[0] == "交班单"

    def money_row(label: str, amount: str) -> str:
        return two_columns(label, amount, 48)[0]

    for expected in (
        "收银台: A1",
        "开班: 2026-11-20 14:30 周小敏",
        "交班: 2026-11-20 22:30 周小敏",
        money_row("支出", "-￥50.00"),
        money_row("应有现金", "￥450.00"),
        money_row("实点现金", "￥448.00"),
        money_row("差额", "-￥2.00"),
        money_row("￥100 x 4", "￥400.00"),
        "原因: 找零失误",
        "盲点交班",
    ):
        assert expected in rows, expected
