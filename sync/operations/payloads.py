"""The building blocks of every payload and change model. Money is integer fen everywhere;
times are ISO 8601 with a UTC offset."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict

Id = str  # a UUIDv7 string made by the device that created the record
Fen = int
MAX_SEQ = 2**62  # sequence numbers and versions fit a signed 64-bit column


def _plausible(moment: datetime) -> datetime:
    """A time a shop could have recorded: also keeps the UTC conversion from overflowing
    (9999-12-31T23:00-05:00 is year 10000 in UTC)."""
    if not datetime(2000, 1, 1, tzinfo=UTC) <= moment <= datetime(2200, 1, 1, tzinfo=UTC):
        raise ValueError("time out of range (2000 to 2200)")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Lenient(BaseModel):
    """Payloads: fields added by a later client are ignored, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True)
