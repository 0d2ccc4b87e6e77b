"""Hybrid logical clock stamps sort as strings in the clock's order, whatever the counter
reaches: a counter past 99,999 carries into the millisecond part instead of widening."""

from __future__ import annotations

from itertools import pairwise

from sync.protocol import hlc_next, hlc_parts, hlc_stamp

WALL = 1_795_000_000_000  # a millisecond in 2026
NODE = "0190aa00-device"


def test_200000_stamps_in_one_millisecond_stay_strictly_increasing() -> None:
    stamps, last = [], None
    for _ in range(200_000):
        last = hlc_next(last, WALL, NODE)
        stamps.append(last)

    assert all(a < b for a, b in pairwise(stamps))
    assert len({len(stamp) for stamp in stamps}) == 1  # the fixed widths hold
    assert hlc_parts(stamps[-1])[0] == WALL + 1  # the counter carried one millisecond


def test_stamps_made_before_the_fix_compare_with_new_ones() -> None:
    old_max = f"{WALL:013d}-99999-{NODE}"  # the last stamp the old code made in order
    old_early = f"{WALL:013d}-00042-{NODE}"
    old_next_ms = f"{WALL + 1:013d}-00000-other"

    new = hlc_next(old_max, WALL, NODE)

    assert old_early < old_max < new
    assert new < f"{WALL + 1:013d}-00001-{NODE}"
    assert sorted([new, old_next_ms]) == [new, old_next_ms]  # node breaks the tie as before
    assert hlc_stamp(WALL, 7, NODE) == f"{WALL:013d}-00007-{NODE}"  # unchanged below the carry
    assert hlc_stamp(WALL, 100_000, NODE) == hlc_stamp(WALL + 1, 0, NODE)


def test_a_stamp_far_ahead_of_the_wall_clock_is_followed_not_reset() -> None:
    ahead = hlc_stamp(WALL + 5_000, 3, "server")
    assert hlc_next(ahead, WALL, NODE) == hlc_stamp(WALL + 5_000, 4, NODE)
    assert hlc_next(ahead, WALL + 6_000, NODE) == hlc_stamp(WALL + 6_000, 0, NODE)
