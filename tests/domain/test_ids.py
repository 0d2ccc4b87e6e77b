"""Record ids: UUIDv7, increasing in one process, on the clock however many are made."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from salon_pos.domain.ids import new_id, new_ids


def _ms(record_id: str) -> int:
    return int(record_id.replace("-", "")[:12], 16)


def test_ids_are_uuid7_and_increase() -> None:
    ids = [new_id(), *new_ids(5), new_id()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for record_id in ids:
        parsed = uuid.UUID(record_id)
        assert (parsed.version, parsed.variant, str(parsed)) == (7, uuid.RFC_4122, record_id)


def test_a_big_import_does_not_run_its_ids_ahead_of_the_clock() -> None:
    """uuid6.uuid7 moved on 1 ms an id: 300,000 ids were stamped 5 minutes ahead."""
    before = time.time_ns() // 1_000_000
    ids = new_ids(200_000)
    after = time.time_ns() // 1_000_000
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert before <= _ms(ids[0]) <= _ms(ids[-1]) <= after
    assert _ms(new_id()) <= time.time_ns() // 1_000_000


def test_threads_making_ids_at_once_never_make_the_same_one() -> None:
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: [new_id() for _ in range(5_000)], range(4)))
    every = [record_id for ids in made for record_id in ids]
    assert len(set(every)) == len(every) == 20_000
    assert all(ids == sorted(ids) for ids in made)
