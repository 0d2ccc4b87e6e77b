import json
from pathlib import Path

import pytest
from sqlalchemy import select

from salon_pos.db.models import AuditEntry, OutboxOperation
from salon_pos.domain.errors import InvalidChoice, NotInitialised
from salon_pos.domain.ticket import RoundingRule
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.settings import (
    CounterPrefixFixed,
    InvalidCounterPrefix,
    InvalidCutoverHour,
    InvalidTimeZone,
)


def test_a_new_counter_is_not_set_up_until_initialised(tmp_path: Path) -> None:
    backend = open_backend(Paths(tmp_path / "new"))
    with pytest.raises(NotInitialised) as raised:
        backend.settings.current  # noqa: B018
    assert "salon-pos init" in raised.value.message("zh_CN")
    settings = backend.settings.initialise("新店", "b2")
    assert (settings.counter_prefix, settings.store_name) == ("B2", "新店")
    backend.close()


def test_the_prefix_is_fixed_once_set_but_the_store_details_are_not(backend: Backend) -> None:
    device = backend.settings.current.device_id
    with pytest.raises(CounterPrefixFixed) as raised:
        backend.settings.initialise("丽人美容", "B7")
    assert "A1" in raised.value.message("zh_CN")
    with pytest.raises(CounterPrefixFixed):
        backend.settings.update(counter_prefix="B7")
    again = backend.settings.initialise("丽人美容·新名字", "A1")
    assert (again.device_id, again.store_name) == (device, "丽人美容·新名字")


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"time_zone": "Mars/Base"}, InvalidTimeZone),
        ({"cutover_hour": 24}, InvalidCutoverHour),
        ({"paper_width_mm": 76}, InvalidChoice),
        ({"printer_kind": "laser"}, InvalidChoice),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(
    backend: Backend, changes: dict, error: type[Exception]
) -> None:
    before = backend.settings.current
    with pytest.raises(error):
        backend.settings.update(**changes)
    assert backend.settings.reload() == before


def test_bad_prefix_refused(tmp_path: Path) -> None:
    backend = open_backend(Paths(tmp_path / "new"))
    for prefix in ("", "A-1", "ABCDE", "收银"):
        with pytest.raises(InvalidCounterPrefix):
            backend.settings.initialise("店", prefix)
    assert not backend.settings.is_initialised()
    backend.close()


def test_changes_are_audited_and_a_no_change_is_not(backend: Backend) -> None:
    backend.settings.update(rounding=RoundingRule.DROP_FEN, actor_id=None)
    backend.settings.update(rounding=RoundingRule.DROP_FEN)
    with backend.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert actions == ["counter.initialised", "settings.changed"]


def _queued(backend: Backend) -> list[tuple[str, dict[str, object]]]:
    with backend.db.read() as session:
        rows = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        return [(row.type, json.loads(row.payload)) for row in rows]


def test_store_wide_settings_go_to_the_server_and_the_counters_own_do_not(
    backend: Backend,
) -> None:
    before = len(_queued(backend))
    backend.settings.update(printer_kind="dummy", paper_width_mm=58, language="en")
    assert len(_queued(backend)) == before
    backend.settings.update(
        store_name="丽人·总店", rounding=RoundingRule.DROP_FEN, cutover_hour=6, paper_width_mm=80
    )
    [(kind, payload)] = _queued(backend)[before:]
    assert kind == "store.settings_saved"
    assert payload["changed"] == {
        "store_name": "丽人·总店",
        "rounding": "drop_fen",
        "cutover_hour": 6,
    }
    assert payload["hlc"]
