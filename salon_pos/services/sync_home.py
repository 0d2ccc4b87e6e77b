"""Where this counter's data folder lives: the PC (its machine id) and the database's real
path. A copy of the folder elsewhere carries the same device id; the server keeps the hash of
the place that speaks for the device, and a copy is refused (docs/adr/0007-counter-identity.md).
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

# Linux (systemd, then D-Bus); elsewhere the registry or the host's name and MAC address.
_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


def _hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(("salon-pos home", *parts)).encode()).hexdigest()


def machine_id() -> str:
    """This PC's id, stable across restarts, different on another PC (or a reinstalled one)."""
    for path in _MACHINE_ID_FILES:
        try:
            found = path.read_text().strip()
        except OSError:
            continue
        if found:
            return found
    if sys.platform == "win32":
        import winreg

        key = r"SOFTWARE\Microsoft\Cryptography"
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as opened:
            return str(winreg.QueryValueEx(opened, "MachineGuid")[0])
    if sys.platform == "darwin":  # the hardware UUID: the host name changes with the network
        ioreg = ["ioreg", "-rd1", "-c", "IOPlatformExpertDevice"]
        found = re.search(r'"IOPlatformUUID" = "([^"]+)"', _output(ioreg))
        if found:
            return found.group(1)
    return f"{socket.gethostname()}/{uuid.getnode():012x}"


def _output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


@dataclass(frozen=True)
class Home:
    """`machine`: a hash of the machine id (the id itself never leaves the PC); `path`: the
    database's real path; `key`: what the server compares."""

    machine: str
    path: str

    @classmethod
    def of(cls, database: Path, machine: str | None = None) -> Home:
        real = os.path.normcase(os.path.realpath(database))
        return cls(_hash(machine if machine is not None else machine_id()), real)

    @property
    def key(self) -> str:
        return _hash(self.machine, self.path)

    def still_there(self) -> bool:
        """Whether a database is still at this place (on this PC): a copy running alongside."""
        return Path(self.path).exists()
