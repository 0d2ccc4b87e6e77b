"""Where the shipped data files live: the top-level resources/ folder beside the package."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "resources"
