"""The commission rules on the console's settings page (SQLite and PostgreSQL): a table of rules
over the store's catalog, saved as the same setting text the counter's editor writes, reaching a
counter on its next pull; a bad rule (over 100%, twice, a 点钟 rate for a product) refused and
named, what was typed kept, nothing saved."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRules,
    RateKind,
    SessionBasis,
    commission_rules_text,
)
from salon_pos.domain.ticket import LineKind
from sync.server import master_data
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.server.conftest import Server
from tests.sync.server.test_restore import Counter
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_settings import form_of, settings_url

MODES = {
    "commission_stored_value": "on_sale",
    "commission_stored_value_basis": "spent",
    "commission_package": "on_use",
    "commission_session_basis": "card",
}


def table(*rows: tuple[str, str, str, str]) -> dict[str, Any]:
    """The rules' table as the page posts it: the marker, a list a column, the choices."""
    return {
        "commission_rules": "1",
        "cr_target": [r[0] for r in rows],
        "cr_how": [r[1] for r in rows],
        "cr_rotation": [r[2] for r in rows],
        "cr_requested": [r[3] for r in rows],
    } | MODES


def held(server: Server) -> dict[str, Any]:
    return master_data.store_settings(server.engine, server.store_id)


def test_rules_typed_in_the_table_reach_a_counter(
    server: Server,
    owner: Browser,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    try:
        page = settings_url(server)
        shown = html.unescape(owner.client.get(page).text)
        assert "<legend>提成</legend>" in shown and "全部服务项目" in shown and "疗程卡" in shown
        form = form_of(server) | table(
            ("k:service", "percent", "10", "15"),
            ("c:service:美甲", "fixed", "20", "30"),
            ("", "percent", "", ""),  # an empty row: dropped
            ("k:stored_value", "percent", "2", ""),
        )
        answer = owner.post(page, page, **form)
        assert answer.status_code == 303, answer.text
        expected = CommissionRules(
            (
                CommissionRule(LineKind.SERVICE, RateKind.PERCENT, 1_000, 1_500),
                CommissionRule(LineKind.SERVICE, RateKind.FIXED, 2_000, 3_000, "美甲"),
                CommissionRule(LineKind.STORED_VALUE, RateKind.PERCENT, 200),
            ),
            package=CardMoney.ON_USE,
            session_basis=SessionBasis.CARD,
        )
        assert held(server) == {"commission_rules": commission_rules_text(expected)}
        again = html.unescape(owner.client.get(page).text)
        assert 'value="c:service:美甲" selected' in again and 'value="15"' in again
        assert counter.sync().error is None
        assert counter.app.settings.current.commission() == expected
    finally:
        counter.app.close()


BAD = [
    ((("k:service", "percent", "120", ""),), "第 1 条提成规则：百分比最多 100%（现为 120%）"),
    ((("k:service", "percent", "10", ""), ("k:service", "percent", "12", "")),
     "第 2 条提成规则与第 1 条针对同一对象"),
    ((("k:product", "percent", "5", "8"),), "只有服务项目可以单独设置点钟提成"),
    ((("k:service", "fixed", "二十", ""),), "第 1 条提成规则：“二十”不是有效的提成"),
]  # fmt: skip


def test_bad_rules_are_refused_with_what_was_typed_kept(server: Server, owner: Browser) -> None:
    page = settings_url(server)
    for rows, message in BAD:
        answer = owner.post(page, page, **form_of(server, address="新地址") | table(*rows))
        text = html.unescape(answer.text)
        assert answer.status_code == 400 and message in text, text
        assert "新地址" in text and f'value="{rows[-1][2]}"' in text  # as typed
        assert held(server) == {}
