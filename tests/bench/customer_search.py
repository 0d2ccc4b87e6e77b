"""Benchmark: customer search at 100,000 customers — phone digits (any part), name prefix and
pinyin initials, through CustomerService.search on a real SQLite file.

Prints one JSON line last: p50 and p95 in ms of each kind, and the worst p95 (target <= 5 ms).
Usage: python tests/bench/customer_search.py [--customers 100000] [--queries 300]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from salon_pos.db.models import Customer, CustomerSearchKey
from salon_pos.domain.ids import new_id
from salon_pos.domain.search_keys import name_search_keys
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单"
)
GIVEN = "芳娜敏静丽艳娟霞秀英华慧巧美婷雪琳晶洁欣怡佳颖梦玉兰凤红梅琴云莲真环倩璐菲岚月莹瑶妍"


def fill(backend: Backend, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Bulk-insert customers and their search keys (the service path is measured elsewhere)."""
    now = datetime.now(UTC)
    phones = rng.sample(range(10**9), count)
    people, keys = [], []
    for n in phones:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = f"1{rng.choice('3589')}{n:09d}"
        cid = new_id()
        people.append(
            {
                "id": cid,
                "name": name,
                "phone": phone,
                "gender": "F",
                "birthday": None,
                "notes": "",
                "created_at": now,
                "updated_at": now,
            }
        )
        keys.extend({"key": key, "customer_id": cid} for key in name_search_keys(name))
    with backend.db.write() as session:
        session.execute(insert(Customer), people)
        session.execute(insert(CustomerSearchKey), keys)
    return [(p["name"], p["phone"]) for p in people]


def measure(backend: Backend, queries: list[str]) -> dict[str, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        backend.customers.search(query)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(statistics.quantiles(times, n=20, method="inclusive")[18], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        backend = open_backend(Paths(Path(folder) / "home"))
        backend.settings.initialise("基准测试店", "B1")
        people = fill(backend, args.customers, rng)
        picks = [rng.choice(people) for _ in range(args.queries)]
        kinds = {
            "phone_digits": [phone[rng.randrange(0, 7) :][:4] for _, phone in picks],
            "name_prefix": [name[: rng.choice((1, 2))] for name, _ in picks],
            "pinyin_initials": [
                min(k for k in name_search_keys(name) if k.isascii() and len(k) == len(name))
                for name, _ in picks
            ],
        }
        results = {kind: measure(backend, queries) for kind, queries in kinds.items()}
        backend.close()
    worst = max(r["p95_ms"] for r in results.values())
    print(
        json.dumps(
            {
                "bench": "customer_search",
                "customers": args.customers,
                **results,
                "worst_p95_ms": worst,
                "target_p95_ms": 5,
            }
        )
    )


if __name__ == "__main__":
    main()
