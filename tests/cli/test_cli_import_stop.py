"""`salon-pos import` on a large file: progress on stderr, Ctrl-C stops between batches and says
how far it got, and the same command again continues without adding anyone twice."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from salon_pos.cli import main
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from salon_pos.services.importing import BATCH_ROWS
from tests.services.test_import_streaming import plain_rows


def test_ctrl_c_stops_cleanly_and_the_same_command_continues(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert main(["--home", str(home), "init", "--store-name", "店", "--counter", "A1"]) == 0
    path = tmp_path / "customers.csv"
    path.write_text(plain_rows(20_000), encoding="utf-8-sig")
    command = [sys.executable, "-m", "salon_pos.cli", "--home", str(home), "import", "customers"]
    env = os.environ | {"SALON_POS_LANG": "zh_CN"}

    running = subprocess.Popen(
        [*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert running.stderr is not None
    first = running.stderr.readline()  # after the first batch
    running.send_signal(signal.SIGINT)
    out, err = running.communicate(timeout=300)

    percent = 100 * BATCH_ROWS // 20_000
    progress = rf"已处理 {BATCH_ROWS:,} / 20,000 行（{percent}%），[\d,]+ 行/秒，预计还需 \d+:\d\d"
    assert re.match(progress, first), first
    assert running.returncode == 130, err
    assert "Traceback" not in err and "正在停止" in err
    stopped = re.search(r"已停止：已处理 (\d+) / 20000 行（至第 (\d+) 行），其中保存 (\d+) 行", out)
    assert stopped is not None, out
    done, saved = int(stopped[1]), int(stopped[3])
    assert done == saved and done % BATCH_ROWS == 0 and BATCH_ROWS <= done < 20_000
    assert int(stopped[2]) == done + 1

    again = subprocess.run(
        [*command, str(path)], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert again.returncode == 0, again.stderr
    assert f"新增 {20_000 - saved} 条，更新 0 条，未变 {saved} 条，出错 0 行" in again.stdout


def test_a_second_ctrl_c_interrupts_at_once_without_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert main(["--home", str(home), "init", "--store-name", "店", "--counter", "A1"]) == 0
    path = tmp_path / "customers.csv"
    path.write_text(plain_rows(20_000), encoding="utf-8-sig")
    command = [sys.executable, "-m", "salon_pos.cli", "--home", str(home), "import", "customers"]
    running = subprocess.Popen(
        [*command, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"SALON_POS_LANG": "zh_CN"},
    )
    assert running.stderr is not None
    running.stderr.readline()  # the first batch is saved
    running.send_signal(signal.SIGINT)
    while (line := running.stderr.readline()) and "正在停止" not in line:
        pass
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=300)

    assert running.returncode == 130 and "Traceback" not in err
    interrupted = re.search(r"已中断：前 (\d+) 行已处理并保存，正在写入的那一批已撤销。", err)
    assert interrupted is not None, err
    backend = open_backend(Paths(home))
    try:
        assert len(backend.customers.recent(limit=20_000)) == int(interrupted[1])
    finally:
        backend.close()
