"""Auto-assignment and the rotation queue (issue 11)."""

from __future__ import annotations

from datetime import UTC, datetime

from salon_pos.domain.assignment import ServiceStart, assignment_order, rotation_queue
from salon_pos.domain.slots import Worker


def _worker(id: str, *skills: str) -> Worker:
    return Worker(id, frozenset(skills), [])


def test_the_favourite_first_then_the_lightest_day_then_the_roster() -> None:
    roster = [_worker("张婷", "facial"), _worker("刘晓燕", "facial", "nail"),
              _worker("赵敏", "nail"), _worker("李娜", "facial")]  # fmt: skip
    load = {"张婷": 180, "刘晓燕": 60, "李娜": 60}
    ordered = assignment_order(roster, "facial", "张婷", load)
    assert [w.id for w in ordered] == ["张婷", "刘晓燕", "李娜"]  # 赵敏 has no facial skill
    no_favourite = assignment_order(roster, "facial", None, load)
    assert [w.id for w in no_favourite] == ["刘晓燕", "李娜", "张婷"]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 7, hour, minute, tzinfo=UTC)


def test_the_rotation_goes_to_the_fewest_turns_then_the_longest_wait_and_a_request_is_free() -> (
    None
):
    on_shift = ["张婷", "刘晓燕", "赵敏"]
    assert rotation_queue(on_shift, []) == on_shift  # the roster's order to start
    today = [
        ServiceStart("张婷", at(10), requested=False),
        ServiceStart("刘晓燕", at(10, 30), requested=False),
        ServiceStart("赵敏", at(11), requested=True),  # 点钟: her turn is not used up
    ]
    assert rotation_queue(on_shift, today) == ["赵敏", "张婷", "刘晓燕"]
    today.append(ServiceStart("赵敏", at(11, 30), requested=False))
    assert rotation_queue(on_shift, today) == ["张婷", "刘晓燕", "赵敏"]
