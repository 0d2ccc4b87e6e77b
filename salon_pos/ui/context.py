"""What every screen is given: the services, the task runner, and who is signed in.
Screens do not poke each other: what a use case or a pull changed is announced once
(`announce`, the `changed` signal with a services.changes.Changes) and each screen refreshes
what it shows of it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from salon_pos.domain.errors import UserError
from salon_pos.services.backend import Backend
from salon_pos.services.changes import Changes
from salon_pos.services.staff import StaffMember
from salon_pos.services.sync_status import SyncStatus
from salon_pos.ui.tasks import TaskRunner


class UiContext(QObject):
    staff_changed = Signal(object)  # StaffMember | None
    changed = Signal(object)  # Changes: the kinds and ids of records a use case or pull changed
    printer_state_changed = Signal(bool, str)  # printed ok?, message
    language_changed = Signal(str)
    sync_status_changed = Signal(object)  # SyncStatus: after each sync round and every few s
    sync_requested = Signal()  # "sync now": the shell wakes the sync driver

    def __init__(self, backend: Backend, runner: TaskRunner, language: str) -> None:
        super().__init__()
        self.backend = backend
        self.runner = runner
        self.language = language
        self.staff: StaffMember | None = None
        self.sync_status: SyncStatus | None = None  # the last read, for a window built anew

    def sign_in(self, staff: StaffMember) -> None:
        self.staff = staff
        self.staff_changed.emit(staff)

    def sign_out(self) -> None:
        staff, self.staff = self.staff, None
        if staff is not None:
            self.runner.run(lambda: self.backend.sign_in.sign_out(staff.id))
        self.staff_changed.emit(None)

    def announce(self, changes: Changes) -> None:
        """Tell every screen what changed; nothing is said when nothing did."""
        if changes:
            self.changed.emit(changes)

    def refresh_sync_status(self) -> None:
        """Read the sync status on the database worker; `sync_status_changed` brings it back."""
        self.runner.run(self.backend.sync.status, self._on_sync_status_read)

    def _on_sync_status_read(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.sync_status_changed.emit(status)

    def message(self, error: BaseException) -> str:
        """What to tell the user about an error, in their language."""
        if isinstance(error, UserError):
            return error.message(self.language)
        return str(error)
