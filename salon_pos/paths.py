"""Where the counter keeps its data: --home, else SALON_POS_HOME, else the platform data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "SALON_POS_HOME"


@dataclass(frozen=True)
class Paths:
    home: Path

    @property
    def database(self) -> Path:
        return self.home / "salon_pos.db"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "salon-pos.log"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    def ensure(self) -> Paths:
        for folder in (self.home, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(home: str | Path | None = None) -> Paths:
    if home is None:
        home = os.environ.get(ENV_HOME) or None
    if home is None:
        from platformdirs import user_data_dir

        home = user_data_dir("salon-pos", appauthor=False)
    return Paths(Path(home).expanduser().resolve())
