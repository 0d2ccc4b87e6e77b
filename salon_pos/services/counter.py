"""What the services that change data on this counter have in common."""

from __future__ import annotations

from salon_pos.db.database import Database
from salon_pos.domain.clock import Clock
from salon_pos.services.journal import Journal
from salon_pos.services.settings import SettingsService


class CounterService:
    """A use-case service over this counter's database, its settings and its clock."""

    def __init__(self, db: Database, settings: SettingsService, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def _journal(self) -> Journal:
        """Writes the outbox operation and audit entry of a change, as this device."""
        return Journal(self._settings.current.device_id)
