"""INSERTs on the checkout's hot path, through the driver's cursor: the statement is made from
the model's table (still the one description of the schema) and each value goes through its
column type's bind processor (UTC datetimes, dates), as SQLAlchemy would do. What this skips is
SQLAlchemy's per-execute work (about 60 µs a statement, most of a sale's Python time; see
docs/adr/0003-write-path.md). Runs in the caller's transaction, on the caller's connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import CompoundSelect, Connection, Select, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import ReturningUpdate

from salon_pos.db.models import Base

Row = dict[str, Any]
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Prepared:
    sql: str
    names: tuple[str, ...]  # the statement's parameters, in order
    processors: tuple[Processor, ...]
    defaults: dict[str, Any]  # scalar column defaults, for names a row leaves out


@lru_cache(maxsize=64)
def _prepare(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Prepared:
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup or ())
    columns = [table.c[name] for name in names]
    defaults = {
        c.name: getattr(c.default, "arg", None)
        for c in columns
        if c.name not in keys and c.default is not None and c.default.is_scalar
    }
    if set(names) - set(keys) - set(defaults):
        raise ValueError(f"{table.name}: no value for {sorted(set(names) - set(keys))}")
    processors = tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns)
    return _Prepared(str(compiled), names, processors, defaults)


def insert_rows(executor: Connection | Session, model: type[Base], rows: Sequence[Row]) -> None:
    """Insert rows of a model's table that all have the same keys (one executemany)."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    if isinstance(executor, Session):
        executor.flush()  # the session's own pending rows first, as its execute() would
    connection = executor.connection() if isinstance(executor, Session) else executor
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    prepared = _prepare(table, tuple(rows[0]), dialect)
    columns = [
        _column(rows, name, processor, prepared.defaults)
        for name, processor in zip(prepared.names, prepared.processors, strict=True)
    ]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(prepared.sql, zip(*columns, strict=True))
    except sqlite3.IntegrityError as error:  # the same exception SQLAlchemy's execute raises
        raise IntegrityError(prepared.sql, None, error) from error
    finally:
        cursor.close()


def _column(rows: Sequence[Row], name: str, processor: Processor, defaults: Row) -> list[Any]:
    """One column's values, column by column rather than row by row (an import's batch: a
    third of the time). A value the rows share (a batch's time) is processed once."""
    try:
        values = [row[name] for row in rows]
    except KeyError:  # left out of some rows: the column's default
        values = [row.get(name, defaults.get(name)) for row in rows]
    if processor is None:
        return values
    processed, last, last_processed = [], object(), None
    for value in values:
        if value is not last:
            last, last_processed = value, processor(value)
        processed.append(last_processed)
    return processed


Statement = Select[*tuple[Any, ...]] | ReturningUpdate[*tuple[Any, ...]]


@lru_cache(maxsize=16)
def _literal_sql(statement: Statement, dialect: Dialect) -> str:
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def all_rows(executor: Connection | Session, statement: Statement) -> list[tuple[Any, ...]]:
    """The rows of a statement with its values written in (no parameters) and no typed columns
    (ints, text), through the driver's cursor: for the hot path's fixed statements, such as the
    audit log's last hash or bumping the sale's sequences. `statement` should be built once (it
    keys the cache of compiled SQL)."""
    connection = executor.connection() if isinstance(executor, Session) else executor
    if connection.dialect.name != "sqlite":
        return [tuple(row) for row in connection.execute(statement)]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return [tuple(row) for row in cursor.execute(_literal_sql(statement, connection.dialect))]
    finally:
        cursor.close()


# What selected_rows reads: a select, or a union of them.
Query = Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]


@lru_cache(maxsize=16)
def _compiled(statement: Query, dialect: Dialect) -> SQLCompiler:
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    return compiled


def selected_rows(
    executor: Connection | Session,
    statement: Query,
    params: dict[str, Any],
) -> list[tuple[Any, ...]]:
    """The rows of a statement built once, with its parameters (`IN` lists expanded to their
    length), through the driver's cursor: SQLAlchemy's compile cache and result machinery cost
    about 130 µs a call where this costs about 10 (the sale's people and prices). Values go as
    they are (text and integers); columns come back untyped."""
    connection = executor.connection() if isinstance(executor, Session) else executor
    if connection.dialect.name != "sqlite":
        return [tuple(row) for row in connection.execute(statement, params)]
    lengths = tuple(
        (k, len(v) if isinstance(v, list | tuple) else None) for k, v in sorted(params.items())
    )
    key = (statement, connection.dialect, lengths)
    expanded = _EXPANDED.get(key)
    if expanded is None:
        compiled = _compiled(statement, connection.dialect)
        state = compiled.construct_expanded_state(params)
        sql, values = state.statement, list(state.positional_parameters)
        recipe = _recipe(compiled, params)
        if recipe is not None and _filled(recipe, params) == values and len(_EXPANDED) < 256:
            _EXPANDED[key] = (sql, recipe)
    else:
        sql, recipe = expanded
        values = _filled(recipe, params)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return [tuple(row) for row in cursor.execute(sql, values)]
    finally:
        cursor.close()


# A statement's SQL for its parameters' names and its `IN` lists' lengths, and where each of
# its positional values comes from: (name, None) a parameter, (name, i) the i-th of a list,
# (None, value) a value of the statement itself (a literal). SQLAlchemy's expansion costs
# about 25 µs a call; this, 2.
Recipe = tuple[tuple[str | None, Any], ...]
_EXPANDED: dict[tuple[Any, ...], tuple[str, Recipe]] = {}


@dataclass(frozen=True)
class _Marker:
    """Stands for a parameter (index None) or a list's item while the recipe is made."""

    name: str
    index: int | None


def _recipe(compiled: SQLCompiler, params: dict[str, Any]) -> Recipe | None:
    """Expand the statement once with a marker for each parameter and list item: a position
    holding a marker comes from it, any other is the statement's own value. None (nothing
    remembered) when the markers do not come through as they went in (a tuple `IN`, a value
    processed on the way: the caller checks the recipe against SQLAlchemy's own expansion)."""
    marked = {
        name: [_Marker(name, i) for i in range(len(value))]
        if isinstance(value, list | tuple)
        else _Marker(name, None)
        for name, value in params.items()
    }
    try:
        values = compiled.construct_expanded_state(marked).positional_parameters
    except Exception:
        return None  # a statement the markers cannot stand in for: not remembered
    return tuple((v.name, v.index) if isinstance(v, _Marker) else (None, v) for v in values)


def _filled(recipe: Recipe, params: dict[str, Any]) -> list[Any]:
    return [
        value if name is None else params[name] if value is None else params[name][value]
        for name, value in recipe
    ]


def first_row(executor: Connection | Session, statement: Statement) -> tuple[Any, ...] | None:
    rows = all_rows(executor, statement)
    return rows[0] if rows else None
