"""Shared fixtures: a real SQLite file in tmp_path with migrations applied, and a clock we set."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from salon_pos.db.database import Database
from salon_pos.db.migrate import migrate
from salon_pos.domain import pins
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.staff import StaffMember
from sync.server import security
from tests.keyring_backend import MemoryKeyring

# argon2 at its smallest cost. A hash carries its parameters, so verifying one is as quick.
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PRODUCTION_HASHERS = pins._hasher, security._hasher  # as the modules made them


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture(scope="session", autouse=True)
def quick_hashing() -> Iterator[None]:
    """PINs and owner passwords hashed at argon2's smallest cost in this process. At the
    production cost (0.3-0.6 s a hash or a check on 2 busy cores) the three PINs of `team` and an
    owner's password and sign-in were most of many tests. Hashing itself is tested at the
    production cost (tests/domain/test_pins.py, `production_hashing`); servers and commands run
    as child processes hash at the production cost."""
    pins._hasher = security._hasher = QUICK_HASHER
    yield
    pins._hasher, security._hasher = PRODUCTION_HASHERS


@pytest.fixture
def production_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The modules' own hashers, for a test of hashing itself."""
    monkeypatch.setattr(pins, "_hasher", PRODUCTION_HASHERS[0])
    monkeypatch.setattr(security, "_hasher", PRODUCTION_HASHERS[1])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 6, 30, tzinfo=UTC))  # 14:30 in Shanghai


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file, copied for each test: Alembic runs once, not per test."""
    path = tmp_path_factory.mktemp("template") / "salon_pos.db"
    db = Database(path)
    migrate(db.engine)
    db.close()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture
def backend(tmp_path: Path, clock: FakeClock, migrated_template: Path) -> Iterator[Backend]:
    paths = Paths(tmp_path / "home").ensure()
    shutil.copyfile(migrated_template, paths.database)
    backend = open_backend(paths, clock)
    backend.settings.initialise("丽人美容（测试店）", "A1")
    yield backend
    backend.close()


@pytest.fixture
def fresh(tmp_path: Path, clock: FakeClock, migrated_template: Path) -> Iterator[Backend]:
    """A data folder as `salon-pos gui` finds it the first time: a database, nothing set up."""
    paths = Paths(tmp_path / "fresh").ensure()
    shutil.copyfile(migrated_template, paths.database)
    backend = open_backend(paths, clock)
    yield backend
    backend.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Device tokens and the store key go to memory for the test, never to this machine's
    keyring."""
    before: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@dataclass(frozen=True)
class Team:
    manager: StaffMember
    desk: StaffMember
    tech: StaffMember

    MANAGER_PIN = "8888"
    DESK_PIN = "1111"


@pytest.fixture
def team(backend: Backend) -> Team:
    return Team(
        manager=backend.staff.add("王店长", "manager", Team.MANAGER_PIN),
        desk=backend.staff.add("周小敏", "front_desk", Team.DESK_PIN),
        tech=backend.staff.add("李娜", "technician", "2222", skills=["facial", "nail"]),
    )


@dataclass(frozen=True)
class Shelf:
    facial: str  # 补水保湿护理 ¥198
    manicure: str  # 日式美甲 ¥168
    serum: str  # 玻尿酸精华 ¥128, barcode 6901234567890
    serum_barcode: str = "6901234567890"


@pytest.fixture
def shelf(backend: Backend) -> Shelf:
    facial = backend.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    manicure = backend.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail")
    serum = backend.catalog.add_product(
        "护肤品", "玻尿酸精华", "SKU-001", 12800, 5000, "6901234567890"
    )
    return Shelf(facial.id, manicure.id, serum.id)


def three_line_sale(team: Team, shelf: Shelf, customer_id: str | None = None) -> SaleRequest:
    """¥198 + ¥168 + ¥128 = ¥494, paid ¥300 by WeChat and ¥200 cash (¥6 change)."""
    return SaleRequest(
        cashier_id=team.desk.id,
        customer_id=customer_id,
        lines=[
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            SaleLine(LineKind.PRODUCT, shelf.serum),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)],
    )
