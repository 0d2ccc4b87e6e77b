"""Benchmark: importing customers from a CSV file, through `import_customers` on a real SQLite
file, each import in its own process so its peak memory (ru_maxrss) is its own.

Three imports: 10,000 rows into an empty counter, 100,000 rows into another empty counter, then
10,000 more rows into that counter, which then holds 100,000 customers. Target: at least 5,000
rows/s both into an empty counter and into one of 100,000, and peak memory that does not grow
with the file (the 100,000-row import against the 10,000-row one).

Prints one JSON line last. Usage: python tests/bench/import_customers.py [--rows 100000]
[--small 10000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_ROWS_PER_S = 5_000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡单"
GIVEN = "芳娜敏静丽艳娟霞秀英华慧巧美婷雪琳晶洁欣怡佳颖梦玉兰凤红梅琴云莲真环倩璐菲岚月莹瑶妍"
NOTES = ("", "", "", "敏感肌", "对果酸过敏", "喜欢安静", "孕期，禁用精油")


def write_file(path: Path, rows: int, rng: random.Random, first_phone: int) -> Path:
    """`rows` plain rows as Excel saves them (UTF-8 with BOM), phones from first_phone on."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["姓名", "手机", "性别", "生日", "备注"])
        for n in range(rows):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
            birthday = f"{rng.randint(1960, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28)}"
            phone = f"1{first_phone + n:010d}"
            writer.writerow([name, phone, rng.choice("女女女男"), birthday, rng.choice(NOTES)])
    return path


def import_in_child(home: Path, path: Path) -> dict[str, float]:
    """Run one import in a fresh process; its rows/s and peak resident memory."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(home), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def child(home: Path, path: Path) -> None:
    from salon_pos.domain.search_keys import name_search_keys
    from salon_pos.paths import Paths
    from salon_pos.services.backend import open_backend
    from salon_pos.services.import_report import ImportProgress
    from salon_pos.services.importing import import_customers

    backend = open_backend(Paths(home).ensure())
    if not backend.settings.is_initialised():
        backend.settings.initialise("基准测试店", "B1")
    name_search_keys("预热")  # pypinyin's import (0.5 s), done at the app's first customer write
    resident: dict[int, float] = {}  # rows done → resident memory then, MB

    def progress(done: ImportProgress) -> None:
        resident[done.done] = resident_mb()

    start, cpu = time.perf_counter(), time.process_time()
    report = import_customers(backend, path, progress=progress)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    backend.close()
    rows = report.created + report.updated + report.unchanged
    assert rows and not report.errors, report.describe("en")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"rows": rows, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2)}
    early = min(resident, key=lambda done: abs(done - 20_000))  # SQLite's cache is full by then
    figures |= {"resident_mb_early": resident[early], "resident_mb_end": resident[max(resident)]}
    print(json.dumps(figures | {"peak_mb": round(peak_mb, 1)}))


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return round(pages * resource.getpagesize() / 2**20, 1)


def run(rows: int, small: int) -> dict[str, object]:
    rng = random.Random(8)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        small_file = write_file(root / "small.csv", small, rng, 3_000_000_000)
        big_file = write_file(root / "big.csv", rows, rng, 5_000_000_000)
        more_file = write_file(root / "more.csv", small, rng, 7_000_000_000)
        empty_small = import_in_child(root / "a", small_file)
        empty_big = import_in_child(root / "b", big_file)
        into_big = import_in_child(root / "b", more_file)
    rate = {
        name: round(figures["rows"] / figures["seconds"])
        for name, figures in (
            (f"empty_{small}", empty_small),
            (f"empty_{rows}", empty_big),
            (f"into_{rows}", into_big),
        )
    }
    cpu_us = {
        name: round(figures["cpu_seconds"] * 1e6 / figures["rows"])
        for name, figures in (
            (f"empty_{small}", empty_small),
            (f"empty_{rows}", empty_big),
            (f"into_{rows}", into_big),
        )
    }
    worst = min(rate.values())
    return {
        "bench": "import_customers",
        "rows_per_s": rate,
        "cpu_us_per_row": cpu_us,  # both threads; wall time suffers on a loaded machine
        "seconds": {
            f"empty_{small}": empty_small["seconds"],
            f"empty_{rows}": empty_big["seconds"],
            f"into_{rows}": into_big["seconds"],
        },
        f"peak_mb_{small}_rows": empty_small["peak_mb"],
        f"peak_mb_{rows}_rows": empty_big["peak_mb"],
        "memory_ratio": round(empty_big["peak_mb"] / empty_small["peak_mb"], 3),
        # within the 100,000-row import: resident memory near row 20,000 and at its end
        "resident_mb_at_20000_and_end": [
            empty_big["resident_mb_early"],
            empty_big["resident_mb_end"],
        ],
        "worst_rows_per_s": worst,
        "target_rows_per_s": TARGET_ROWS_PER_S,
        "ratio_to_target": round(worst / TARGET_ROWS_PER_S, 2),
        "load_average": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--child", nargs=2, metavar=("HOME", "FILE"))
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    print(json.dumps(run(args.rows, args.small), ensure_ascii=False))


if __name__ == "__main__":
    main()
