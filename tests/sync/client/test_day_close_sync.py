"""The close through the real server (SQLite and PostgreSQL): A1 closes the day while B1, offline,
had sold on it too. B1's sale keeps its day when it arrives; the server works the day out again
from what it holds (checked against the server's raw tables) and flags the late sale to the
manager on both counters; the close reaches B1, which then sells on the next day."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta

from sqlalchemy import Engine, func, select

from salon_pos.db.models import DayClose, StoreDevice, Ticket
from salon_pos.services.backend import Backend
from sync.operations.day_close import CONFLICT_CLOSED_DAY_AMENDED
from sync.server import models
from tests.conftest import FakeClock, three_line_sale
from tests.sync.client.conftest import synced
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

TICKET = models.table_of(models.Ticket)
PAYMENT = models.table_of(models.Payment)
CLOSE = models.table_of(models.DayClose)


def test_a_late_sale_amends_the_closed_day_and_is_flagged_on_both_counters(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    synced(a1, b1, a1)
    first = a1.checkout.complete_sale(three_line_sale(team, shelf))
    synced(a1, b1)

    live_server.stop()  # B1 is offline: its sale of the day waits
    late = b1.checkout.complete_sale(three_line_sale(team, shelf))
    live_server.start()
    day = a1.day_close.today()
    check = a1.day_close.view(day).check
    assert check.counters_known and check.unheard == ()  # B1 was heard from this morning
    with a1.db.read() as s:
        told = dict(s.execute(select(StoreDevice.counter, StoreDevice.device_id)).all())
    assert told == {"A1": a1.settings.current.device_id, "B1": b1.settings.current.device_id}
    clock.advance(hours=6)  # the evening
    closed = a1.day_close.close(day, team.manager.id)
    assert closed.figures.tickets == 1  # A1 knew only its own
    synced(a1)
    synced(b1, a1, b1)

    with server_engine.connect() as connection:
        row = connection.execute(select(CLOSE).where(CLOSE.c.store_id == store_id)).one()
        server = json.loads(row.server_figures)
        totals = connection.execute(
            select(func.count(), func.sum(TICKET.c.total)).where(
                TICKET.c.store_id == store_id, TICKET.c.business_day == day
            )
        ).one()
        tenders: Counter[str] = Counter()
        for kind, applied in connection.execute(
            select(PAYMENT.c.kind, PAYMENT.c.applied)
            .join(TICKET, TICKET.c.id == PAYMENT.c.ticket_id)
            .where(TICKET.c.store_id == store_id, TICKET.c.business_day == day)
        ):
            tenders[kind] += applied
    assert row.amendments == 1
    assert (server["tickets"], server["net"]) == (totals[0], totals[1])
    assert server["net"] == first.total + late.total
    assert server["by_tender"] == dict(tenders)

    for counter in (a1, b1):
        [conflict] = [
            c for c in counter.sync.conflicts(True) if c.type == CONFLICT_CLOSED_DAY_AMENDED
        ]
        assert [item["number"] for item in conflict.details["late"]] == [late.number]
        assert conflict.details["net_after"] == first.total + late.total
        assert conflict.details["net_before"] == first.total
    with b1.db.read() as s:
        pulled = s.get(DayClose, day)
        late_row = s.get(Ticket, late.ticket_id)
    assert pulled is not None and pulled.closed_by == team.manager.id
    assert late_row is not None and late_row.business_day == day  # it keeps its own day
    clock.advance(minutes=5)
    after = b1.checkout.complete_sale(three_line_sale(team, shelf))
    with b1.db.read() as s:
        after_row = s.get(Ticket, after.ticket_id)
    assert after_row is not None and after_row.business_day == day + timedelta(days=1)
