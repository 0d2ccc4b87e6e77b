"""Where a counter's data folder lives (services/sync_home.py): the same place gives the same
key; another PC or another path gives another; the machine id itself is never in it."""

from __future__ import annotations

from pathlib import Path

from salon_pos.services.sync_home import Home, machine_id


def test_a_place_is_its_pc_and_real_path(tmp_path: Path) -> None:
    database = tmp_path / "home" / "salon_pos.db"
    database.parent.mkdir()
    database.write_bytes(b"")
    link = tmp_path / "link"
    link.symlink_to(database.parent)
    here = Home.of(database)
    assert Home.of(link / "salon_pos.db") == here  # the real path, not the way to it
    assert Home.of(database, machine="another-pc").key != here.key
    assert Home.of(tmp_path / "copy" / "salon_pos.db").key != here.key
    assert machine_id() and machine_id() not in here.key + here.machine
    assert here.still_there()
    database.unlink()
    assert not here.still_there()
