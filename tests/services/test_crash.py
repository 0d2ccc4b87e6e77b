"""A counter PC loses power mid-sale: a child doing checkouts is killed with SIGKILL 20 times.

Afterwards the database is intact, no ticket is half-written, and every completed ticket has
exactly one outbox operation.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from salon_pos.db.audit import verify_chain
from salon_pos.db.models import OutboxOperation, Payment, Ticket, TicketLine
from salon_pos.services.backend import Backend
from tests.conftest import Shelf, Team

KILLS = 20
CHILD = Path(__file__).with_name("crash_child.py")


def run_and_kill(home: Path, ids: dict[str, str], rng: random.Random) -> tuple[int, list[str]]:
    """Start the child, let it commit at least one sale, kill it at a random moment after.
    Returns its exit code and the ticket numbers it reported committed."""
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(home), json.dumps(ids)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(root)},
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # blocks until a sale has committed
    assert first.startswith("A1-"), first
    time.sleep(rng.uniform(0, 0.25))  # the random moment of the power cut
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    return child.returncode, [first.strip(), *child.stdout.read().split()]


def test_sigkill_during_checkouts_never_leaves_half_a_sale(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    home = backend.db.path.parent
    ids = {
        "desk": team.desk.id,
        "tech": team.tech.id,
        "facial": shelf.facial,
        "manicure": shelf.manicure,
        "serum": shelf.serum,
    }
    backend.close()
    rng = random.Random(20261123)
    runs = [run_and_kill(home, ids, rng) for _ in range(KILLS)]
    assert [code for code, _ in runs] == [-signal.SIGKILL] * KILLS
    reported = {number for _, numbers in runs for number in numbers}

    with backend.db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        tickets = s.scalars(select(Ticket)).all()
        assert len(tickets) >= KILLS
        for ticket in tickets:
            lines = s.scalars(select(TicketLine).where(TicketLine.ticket_id == ticket.id)).all()
            paid = s.scalar(select(func.sum(Payment.applied)).where(Payment.ticket_id == ticket.id))
            assert len(lines) == 3 and sum(line.net_total for line in lines) == ticket.total
            assert paid == ticket.total
        ops = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "sale.completed")
        ).all()
        sold = sorted(json.loads(op.payload)["id"] for op in ops)
        assert sold == sorted(t.id for t in tickets)  # exactly one operation per ticket
        assert reported <= {t.number for t in tickets}  # what was reported committed, is
        numbers = sorted(int(t.number.split("-")[1]) for t in tickets)
        assert numbers == list(range(1, len(tickets) + 1))  # no gap, no repeat
        seqs = list(s.scalars(select(OutboxOperation.seq).order_by(OutboxOperation.seq)))
        assert seqs == list(range(1, len(seqs) + 1))
        assert verify_chain(s) is None
