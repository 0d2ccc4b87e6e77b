"""What a counter needs before somebody can sign in, and setting it up: a new store with its
first manager; a prefix that may still change while nothing carries it."""

from __future__ import annotations

import pytest

from salon_pos.domain.errors import RequiredField
from salon_pos.security.pins import InvalidPin
from salon_pos.services.backend import Backend
from salon_pos.services.first_run import (
    JOINING,
    FirstManager,
    FirstRun,
    InvalidServerUrl,
    JoinRequest,
    NewStore,
    StoreHasManager,
    add_first_manager,
    create_store,
    first_run,
)
from salon_pos.services.settings import CounterPrefixFixed, InvalidTimeZone
from tests.conftest import Shelf, Team, three_line_sale


def test_what_opens_depends_on_who_can_sign_in(fresh: Backend, backend: Backend) -> None:
    assert first_run(fresh) is FirstRun.CHOOSE
    assert first_run(backend) is FirstRun.MANAGER  # set up, nobody here
    backend.staff.add("周小敏", "front_desk", "1111")
    assert first_run(backend) is FirstRun.MANAGER  # a front desk cannot approve or add staff
    add_first_manager(backend, FirstManager("王静", "8888"))
    assert first_run(backend) is FirstRun.DONE
    with pytest.raises(StoreHasManager):
        add_first_manager(backend, FirstManager("林丽华", "0000"))


def test_a_join_that_did_not_finish_starts_over_with_any_prefix(fresh: Backend) -> None:
    fresh.settings.initialise(JOINING, "A1")  # enrolling failed: the server refused the code
    assert first_run(fresh) is FirstRun.CHOOSE
    manager = create_store(fresh, NewStore("花间美甲", "c2"), FirstManager("陈店长", "4321"))
    assert manager is not None and fresh.sign_in.sign_in(manager.id, "4321") == manager
    settings = fresh.settings.current
    assert (settings.store_name, settings.counter_prefix) == ("花间美甲", "C2")
    assert first_run(fresh) is FirstRun.DONE


def test_the_prefix_is_fixed_by_the_first_sale(backend: Backend, team: Team, shelf: Shelf) -> None:
    assert backend.settings.retake_prefix("b7").counter_prefix == "B7"
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    assert sale.number.startswith("B7-")
    with pytest.raises(CounterPrefixFixed):
        backend.settings.retake_prefix("B8")
    assert backend.settings.current.counter_prefix == "B7"


@pytest.mark.parametrize(
    ("check", "refusal"),
    [
        (NewStore(" ", "A1").check, RequiredField),
        (NewStore("店", "A1", time_zone="Mars/Base").check, InvalidTimeZone),
        (FirstManager("王静", "88").check, InvalidPin),
        (FirstManager("", "8888").check, RequiredField),
        (JoinRequest("ftp://h", "CODE", "A1").check, InvalidServerUrl),
        (JoinRequest("http://", "CODE", "A1").check, InvalidServerUrl),
        (JoinRequest("http://h:8000", " ", "A1").check, RequiredField),
    ],
)
def test_bad_input_is_refused_before_anything_is_saved(check: object, refusal: type) -> None:
    with pytest.raises(refusal):
        check()  # type: ignore[operator]
