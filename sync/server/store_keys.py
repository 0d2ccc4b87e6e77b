"""Each store's key for customers' health data (salon_pos/domain/sealed.py): a file per store in
the server's key folder (`ServerSettings.key_dir`, by default `store-keys` beside an SQLite
database), never a row of the database: a copy or dump of the database holds only sealed values.

The first counter of a store to ask offers the key it made before it enrolled (it may have
sealed notes with it already); the server keeps it if the store has none yet, else answers the
one it holds and that counter seals its values again. A store with no counter that asked gets a
new key the first time one is needed (docs/adr/0010-health-data-encryption.md)."""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

from salon_pos.domain import sealed


def _path(key_dir: Path, store_id: str) -> Path:
    if not store_id.replace("-", "").isalnum():  # a store id is a UUID: no path tricks
        raise ValueError("not a store id")
    return key_dir / f"{store_id}.key"


def load_store_key(key_dir: Path, store_id: str) -> bytes | None:
    path = _path(key_dir, store_id)
    if not path.exists():
        return None
    return base64.urlsafe_b64decode(path.read_text().strip())


def store_key(key_dir: Path, store_id: str, offered: bytes | None = None) -> bytes:
    """The store's key: the one on file, else `offered` (kept), else a new one. Two counters
    asking at once: the first file written wins and both get it."""
    held = load_store_key(key_dir, store_id)
    if held is not None:
        return held
    key = offered if offered is not None else os.urandom(sealed.KEY_BYTES)
    if len(key) != sealed.KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    key_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = _path(key_dir, store_id)
    # Written whole under a private name, then linked into place: the link fails if another
    # request got there first, and nobody ever reads a key file that is half written.
    descriptor, draft = tempfile.mkstemp(dir=key_dir, prefix=f".{store_id}.", suffix=".draft")
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(base64.urlsafe_b64encode(key).decode())
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(draft, path)
        except FileExistsError:
            found = load_store_key(key_dir, store_id)
            assert found is not None
            return found
    finally:
        os.unlink(draft)
    return key


def open_field(
    key_dir: Path, store_id: str, value: str, customer_id: str, field: str
) -> str | None:
    """A sealed field's text for the web console (owners and managers only: the caller checks);
    None if this server does not hold the key that sealed it."""
    key = load_store_key(key_dir, store_id)
    if not value:
        return ""
    if key is None:
        return None
    try:
        return sealed.open_sealed({sealed.key_id(key): key}, value, customer_id, field)
    except sealed.CannotOpen:
        return None
