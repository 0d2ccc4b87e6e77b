"""Record ids: UUIDv7 strings made on the device, so they never clash and sort by creation."""

from __future__ import annotations

from uuid6 import uuid7


def new_id() -> str:
    return str(uuid7())
