from pathlib import Path

import pytest

from salon_pos.paths import ENV_HOME, resolve_paths


def test_home_comes_from_the_flag_then_the_environment_then_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "from-env"))
    assert resolve_paths(tmp_path / "from-flag").home == tmp_path / "from-flag"
    assert resolve_paths().home == tmp_path / "from-env"
    monkeypatch.delenv(ENV_HOME)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_paths().home == tmp_path / "xdg" / "salon-pos"
    paths = resolve_paths(tmp_path / "h").ensure()
    assert paths.database == tmp_path / "h" / "salon_pos.db" and paths.backups.is_dir()
