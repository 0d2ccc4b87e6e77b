"""The issue's offline double booking, end to end (issue 11): a real server process (SQLite and
PostgreSQL) and two real counters. Both go offline and book 李娜 at 15:00 for two customers;
each counter alone lets it (she is free there). After sync both bookings stand, the later one is
flagged on both counters with alternatives (王芳 at 15:00, 李娜 when she is free next), and the
calendar of each shows the clash; moving it on one counter clears it on both and on the
server. The same with one of the two booked on the online page."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.services.backend import Backend
from salon_pos.ui.models.conflicts import ConflictWords
from sync.operations.bookings import CONFLICT_DOUBLE_BOOKING
from sync.protocol import CONFLICT_OPEN, CONFLICT_RESOLVED_STATUS
from sync.server import models
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

S_BOOKING = models.table_of(models.Booking)
S_CONFLICT = models.table_of(models.Conflict)
EVERY_DAY = WeeklyPattern((Hours("09:00", "21:00", (("12:00", "12:30"),)),) * 7)
AT_15 = datetime(2026, 11, 20, 15, 0)  # the counters' clock: 14:30 in Shanghai


def _synced(*counters: Backend) -> None:
    for counter in counters:
        report = sync_once(counter)
        assert report.error is None and report.pending == 0, report


def _double_bookings(counter: Backend) -> list[tuple[str, str]]:
    return [
        (c.entity_id, c.status)
        for c in counter.sync.conflicts(False)
        if c.type == CONFLICT_DOUBLE_BOOKING
    ]


def test_two_offline_counters_book_li_na_at_15_and_a_move_on_one_clears_it_on_both(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    li_na = team.tech
    wang = a1.staff.add("王芳", "technician", "3333", skills=["facial"])
    for tech in (li_na, wang):
        a1.bookings.save_schedule(tech.id, EVERY_DAY)
    zhang = a1.customers.add("张三", "13800138000").id
    zhao = a1.customers.add("赵敏", "13900139000").id
    _synced(a1, b1)
    assert b1.bookings.schedule_of(li_na.id) == EVERY_DAY  # b1 plans from the same patterns

    live_server.stop()  # both offline from here
    first = a1.bookings.book(zhang, [shelf.facial], AT_15, technician_id=li_na.id)
    second = b1.bookings.book(zhao, [shelf.facial], AT_15, technician_id=li_na.id)
    for counter in (a1, b1):
        assert not sync_once(counter).online
    live_server.start()
    _synced(a1, b1, a1)

    with server_engine.connect() as connection:
        held = connection.execute(
            select(S_BOOKING.c.id, S_BOOKING.c.technician_id).where(
                S_BOOKING.c.store_id == store_id
            )
        ).all()
        assert sorted(held) == sorted([(first.id, li_na.id), (second.id, li_na.id)])
    for counter in (a1, b1):
        assert _double_bookings(counter) == [(second.id, CONFLICT_OPEN)]
        day = {b.id: b for b in counter.bookings.day(AT_15.date())}
        assert set(day) == {first.id, second.id}
        assert day[first.id].clash and day[second.id].clash  # the front desk sees it
        assert day[second.id].flagged and not day[first.id].flagged
    [conflict] = [c for c in a1.sync.conflicts(True) if c.type == CONFLICT_DOUBLE_BOOKING]
    free = [(a["technician_id"], a["start"][11:16]) for a in conflict.details["alternatives"]]
    assert free[:2] == [(wang.id, "07:00"), (li_na.id, "08:00")]  # 15:00 and 16:00 in Shanghai
    words = ConflictWords(language="zh")  # the inbox's words for it
    words.people = {c: a1.customers.get(c) for c in (zhang, zhao)}
    said = words.explain(conflict)
    assert "赵敏在 2026-11-20 15:00:00 预约了李娜" in said
    assert "可改约到：王芳 11-20 15:00；李娜 11-20 16:00" in said

    a1.bookings.move(second.id, technician_id=wang.id)  # the front desk takes 王芳's slot
    _synced(a1, b1)
    for counter in (a1, b1):
        assert _double_bookings(counter) == [(second.id, CONFLICT_RESOLVED_STATUS)]
        moved = counter.bookings.booking(second.id)
        assert (moved.technician_id, moved.clash, moved.flagged) == (wang.id, False, False)
    with server_engine.connect() as connection:
        statuses = connection.execute(
            select(S_CONFLICT.c.status, S_CONFLICT.c.resolution).where(
                S_CONFLICT.c.store_id == store_id, S_CONFLICT.c.type == CONFLICT_DOUBLE_BOOKING
            )
        ).all()
    assert statuses == [(CONFLICT_RESOLVED_STATUS, "moved")]


def test_an_offline_counter_and_the_online_page_book_li_na_at_once(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    """The page offers what the server holds; a counter that was offline booked 李娜 at the
    same time. Both stand, the counter's (arriving later) is flagged on both counters with the
    online one named, and moving it clears it."""
    import requests

    from sync.server.online_booking import booking_key
    from tests.sync.web.test_online_booking import STARTS, TOKEN

    a1, b1 = counters
    team, shelf = seed_store(a1)
    li_na = team.tech  # the only one who does facials
    a1.bookings.save_schedule(li_na.id, EVERY_DAY)
    zhang = a1.customers.add("张三", "13800138000").id
    _synced(a1, b1)
    tomorrow = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=1)).date()
    at_15 = datetime.combine(tomorrow, time(15))

    live_server.stop()
    mine = a1.bookings.book(zhang, [shelf.facial], at_15, technician_id=li_na.id)
    live_server.start()
    page_url = f"{live_server.url}/book/{booking_key(store_id)}"
    phone = requests.Session()
    day = phone.get(page_url, params={"service": shelf.facial, "day": tomorrow.isoformat()})
    assert day.status_code == 200, day.text
    offered = STARTS.findall(day.text)
    assert f"{tomorrow.isoformat()}T15:00" in [s[:16] for s in offered]  # the server's view
    token = TOKEN.search(day.text)
    assert token is not None
    form = {"csrf_token": token.group(1), "service": shelf.facial, "name": "林小姐"}
    form |= {"phone": "13912345678", "start": next(s for s in offered if "T15:00" in s)}
    sent = phone.post(page_url, data=form, allow_redirects=False, timeout=10)
    assert sent.status_code in (200, 303), sent.text
    _synced(a1, b1, a1)

    for counter in (a1, b1):
        assert _double_bookings(counter) == [(mine.id, CONFLICT_OPEN)]
        [online] = [b for b in counter.bookings.day(tomorrow) if b.id != mine.id]
        assert (online.source, online.status.value, online.technician_id) == (
            "online",
            "requested",
            li_na.id,
        )
        assert online.customer_name == "林小姐" and online.clash
    b1.bookings.move(mine.id, at_15 + timedelta(hours=2))  # the front desk moves its own
    _synced(b1, a1)
    for counter in (a1, b1):
        assert _double_bookings(counter) == [(mine.id, CONFLICT_RESOLVED_STATUS)]
        assert not counter.bookings.booking(mine.id).clash
