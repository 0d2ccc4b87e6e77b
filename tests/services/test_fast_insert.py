"""The driver-cursor paths of db/fast_insert.py answer as SQLAlchemy would: a row the database
refuses is SQLAlchemy's IntegrityError (what the import's and the pull's fallbacks catch), and
a statement with `IN` lists reads the same rows as its execute."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, literal, select, tuple_
from sqlalchemy.exc import IntegrityError

from salon_pos.db.fast_insert import insert_rows, selected_rows
from salon_pos.db.models import Staff
from salon_pos.services.backend import Backend
from tests.conftest import Team


def test_a_refused_row_is_sqlalchemys_integrity_error(backend: Backend, team: Team) -> None:
    with backend.db.write_connection() as connection:
        row = dict(connection.execute(select(Staff).where(Staff.id == team.desk.id)).one()._mapping)
    with pytest.raises(IntegrityError) as refused, backend.db.write_connection() as connection:
        insert_rows(connection, Staff, [row])  # the same id again
    assert "UNIQUE" in str(refused.value.orig)
    assert len(backend.staff.list()) == 3  # nothing changed


def test_in_lists_of_any_length_read_what_execute_reads(backend: Backend, team: Team) -> None:
    statement = (
        select(literal("listed"), Staff.id, Staff.name)
        .where(Staff.id.in_(bindparam("ids", expanding=True)))
        .union_all(
            select(literal("one"), Staff.id, Staff.name).where(
                Staff.id == bindparam("one"), Staff.role.in_(bindparam("roles", expanding=True))
            )
        )
    )
    calls = [  # each length twice, with other values: the second call reuses the first's SQL
        ([], ["manager"]),
        ([team.tech.id], ["manager", "owner"]),
        ([team.desk.id], ["technician"]),
        ([team.desk.id, team.manager.id, "nobody"], []),
        ([team.manager.id, "nobody", team.tech.id], ["manager"]),
        ([], ["owner", "manager"]),
    ]
    with backend.db.read_connection() as connection:
        for ids, roles in calls * 2:
            params = {"ids": ids, "one": team.manager.id, "roles": roles}
            expected = sorted(tuple(r) for r in connection.execute(statement, params))
            assert sorted(selected_rows(connection, statement, params)) == expected


def test_a_tuple_in_and_a_parameter_with_a_default_read_what_execute_reads(
    backend: Backend, team: Team
) -> None:
    """Statements whose values the remembered SQL could get wrong: pairs in an `IN` (not
    remembered), and a parameter left to its default on one call and given on the next."""
    pairs = select(Staff.id, Staff.name).where(
        tuple_(Staff.id, Staff.role).in_(bindparam("pairs", expanding=True))
    )
    defaulted = select(Staff.id, Staff.name).where(
        Staff.id.in_(bindparam("ids", expanding=True)),
        Staff.role == bindparam("role", value="manager"),
    )
    everyone = [team.desk.id, team.manager.id, team.tech.id]
    calls = [
        (pairs, {"pairs": [(team.desk.id, "front_desk")]}),
        (pairs, {"pairs": [(team.manager.id, "manager")]}),
        (defaulted, {"ids": everyone}),
        (defaulted, {"ids": everyone, "role": "technician"}),
        (defaulted, {"ids": everyone}),
    ]
    with backend.db.read_connection() as connection:
        for statement, params in calls * 2:
            expected = sorted(tuple(r) for r in connection.execute(statement, params))
            assert expected  # each call finds someone: a reused value would find another
            assert sorted(selected_rows(connection, statement, params)) == expected
