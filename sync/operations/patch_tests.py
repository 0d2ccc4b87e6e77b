"""Patch tests (皮试): a customer's test of a service, a category or something named in words,
passed or failed. Append-only: a newer test supersedes an older one and a mistake is put right
by another test, so two counters recording offline both stand and nothing conflicts. Every
counter of the store receives every test (docs/patch-tests.md)."""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from pydantic import Field, field_serializer

from sync.operations.kinds import ChangeKind, Family, OperationKind
from sync.operations.payloads import Id, Lenient, Moment

PATCH_TEST_RECORDED: Final = "patch_test.recorded"
CHANGE_PATCH_TEST: Final = "patch_test"


class PatchTestRecorded(Lenient):
    id: Id
    customer_id: Id
    result: Literal["passed", "failed"]
    tested_on: date
    service_id: Id | None = None
    category: str = Field(default="", max_length=64)
    subject: str = Field(default="", max_length=64, description="what was tested, in words")
    technician_id: Id | None = None
    note: str = Field(default="", max_length=500)
    recorded_by: Id | None = None
    recorded_at: Moment


class PatchTestData(PatchTestRecorded):
    """A patch test in the change feed: as recorded."""


class PatchTestWaiver(Lenient):
    """On a sale's line (sale.completed version 2): a manager let a service that needs a patch
    test be sold without a valid one. `status`: what the test was (missing, failed, expired,
    no_customer); `id`: the approval's audit entry at the counter."""

    id: Id
    approved_by: Id
    reason: str = Field(min_length=1, max_length=500)
    status: Literal["missing", "failed", "expired", "no_customer"]
    tested_on: date | None = None

    @field_serializer("tested_on")
    def _iso(self, tested_on: date | None) -> str | None:
        """Text in every dump: the counter keeps the approval in a JSON column as it is."""
        return tested_on.isoformat() if tested_on else None


FAMILY = Family(
    name="patch_tests",
    operations=(
        OperationKind(PATCH_TEST_RECORDED, {1: PatchTestRecorded}, changes=(CHANGE_PATCH_TEST,)),
    ),
    changes=(ChangeKind(CHANGE_PATCH_TEST, PatchTestData),),
)
