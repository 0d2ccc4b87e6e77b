"""Benchmark: the desktop app's responsiveness, offscreen.

1. Cold start: the real command, `salon-pos --home H gui`, as a subprocess; the time from the
   moment the parent launched it to the first paint of the sign-in screen (median of --starts),
   which the app prints and then quits when SALON_POS_EXIT_AFTER_FIRST_PAINT is set (app.py).
   Its CPU time too (less swayed by a busy machine). A bare PySide6 window is timed the same
   way, as the bound measured in this run. Bytecode is written and a first run is not counted:
   an installed app starts from compiled .pyc files.
2. Scan to line: with --customers customers and --items catalog items, the time from a scanned
   barcode's Enter key to its new line painted in the ticket (p50 / p95 over --scans).

Prints one JSON line last. Targets: start < 1 s, scan p95 < 50 ms.
Usage: python tests/bench/gui.py [--customers 100000] [--items 2000] [--starts 5] [--scans 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).parent))
from customer_search import fill as fill_customers

from salon_pos.app import FIRST_PAINT_PROBE
from salon_pos.db.models import Product, ServiceItem
from salon_pos.domain.ids import new_id
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend

SKILLS = ("facial", "body", "nail", "lash", "hair")

START_BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            label.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False

def painted():
    print(f"first-paint {time.time():.6f}", flush=True)
    app.exit(0)

app = QApplication([])
label = QLabel("hello")
watcher = FirstPaint()
label.installEventFilter(watcher)
label.show()
app.exec()
"""


def fill_catalog(backend: Backend, count: int, rng: random.Random) -> list[str]:
    """Bulk-insert a fifth services, the rest products with barcodes; returns the barcodes."""
    now = datetime.now(UTC)
    stamps = {"active": True, "created_at": now, "updated_at": now}
    services = [
        {
            "id": new_id(),
            "category": f"服务{n % 20:02d}",
            "name": f"护理项目{n:04d}",
            "price": rng.randrange(50, 2000) * 100,
            "duration_min": 60,
            "skill": SKILLS[n % len(SKILLS)],
            **stamps,
        }
        for n in range(count // 5)
    ]
    products = [
        {
            "id": new_id(),
            "category": f"商品{n % 20:02d}",
            "name": f"护肤商品{n:04d}",
            "sku": f"SKU-{n:05d}",
            "barcode": f"69{n:011d}",
            "price": rng.randrange(20, 800) * 100,
            "cost": 1000,
            **stamps,
        }
        for n in range(count - len(services))
    ]
    with backend.db.write() as session:
        if services:
            session.execute(insert(ServiceItem), services)
        session.execute(insert(Product), products)
    return [p["barcode"] for p in products]


def prepare(home: Path, customers: int, items: int) -> list[str]:
    rng = random.Random(11)
    backend = open_backend(Paths(home))
    backend.settings.initialise("基准测试店", "B1")
    backend.staff.add("王静", "manager", "8888")  # somebody to approve: no setup wizard
    backend.staff.add("周小敏", "front_desk", "1111")
    fill_customers(backend, customers, rng)
    barcodes = fill_catalog(backend, items, rng)
    backend.close()
    return barcodes


def salon_pos_command(home: Path) -> list[str]:
    script = Path(sys.executable).with_name("salon-pos")  # the console script, as installed
    start = [str(script)] if script.exists() else [sys.executable, "-m", "salon_pos.cli"]
    return [*start, "--home", str(home), "gui"]


def cold_start(command: list[str], runs: int) -> tuple[float, float]:
    """Median seconds from launch to the first paint, and median CPU seconds of the process."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", FIRST_PAINT_PROBE: "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
    walls, cpus = [], []
    for run in range(runs + 1):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        launched = time.time()
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=120, check=True
        )
        painted = [line for line in done.stdout.splitlines() if line.startswith("first-paint")]
        if not painted:
            raise RuntimeError(f"no first paint reported: {done.stderr[-2000:]}")
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:  # the first run writes the bytecode
            walls.append(float(painted[-1].split()[1]) - launched)
            cpus.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def scan_to_line(home: Path, barcodes: list[str], scans: int) -> list[float]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.pages.cashier import CashierPage
    from salon_pos.ui.shell import Shell

    class PaintCount(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    backend = open_backend(Paths(home))
    shell = Shell(app, backend, "zh_CN")
    shell.window.show()
    shell.ctx.sign_in(backend.staff.list()[0])
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    shell.window.activateWindow()
    painted = PaintCount()
    page.ticket.table.viewport().installEventFilter(painted)
    shell.settle()
    times = []
    for n, code in enumerate(random.Random(5).sample(barcodes, scans)):
        if n % 20 == 0:
            page.clear_ticket()
            shell.settle()
        page.customer.search.setFocus()
        target = QApplication.focusWidget() or shell.window
        for digit in code:
            QTest.keyClick(target, digit)
        rows, paints = page.ticket.model.rowCount(), painted.count
        start = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_Return)
        while painted.count == paints:
            app.processEvents()
            if time.perf_counter() - start > 5:
                raise RuntimeError("the scanned line was never painted")
        times.append((time.perf_counter() - start) * 1000)
        assert page.ticket.model.rowCount() == rows + 1, "the scan did not add a line"
    shell.close()
    app.processEvents()
    backend.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=2_000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--scans", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        barcodes = prepare(home, args.customers, args.items)
        start_s, start_cpu_s = cold_start(salon_pos_command(home), args.starts)
        bare_s, bare_cpu_s = cold_start([sys.executable, "-c", START_BARE], args.starts)
        scans = scan_to_line(home, barcodes, min(args.scans, len(barcodes)))
    p95 = statistics.quantiles(scans, n=20, method="inclusive")[18] if len(scans) > 1 else scans[0]
    print(
        json.dumps(
            {
                "bench": "gui",
                "customers": args.customers,
                "items": args.items,
                "cold_start_s": round(start_s, 3),
                "cold_start_cpu_s": round(start_cpu_s, 3),
                "bare_window_start_s": round(bare_s, 3),
                "bare_window_cpu_s": round(bare_cpu_s, 3),
                "ratio_start_to_bare": round(start_s / bare_s, 2),
                "target_start_s": 1.0,
                "scan_to_line_p50_ms": round(statistics.median(scans), 2),
                "scan_to_line_p95_ms": round(p95, 2),
                "target_scan_ms": 50,
                "scans": len(scans),
            }
        )
    )


if __name__ == "__main__":
    main()
