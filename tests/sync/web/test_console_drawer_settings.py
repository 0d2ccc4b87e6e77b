"""The cash drawer's store-wide settings on the owner's console (SQLite and PostgreSQL): the
limits in whole yuan on the page and fen in the settings, blind close yes or no, bad values
refused with a message."""

from __future__ import annotations

from sync.server import master_data
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_settings import form_of, held, settings_url

DRAWER = {
    "drawer_blind_close": "0",
    "drawer_variance_reason": "0",
    "drawer_variance_pin": "50",
    "drawer_pay_out_pin": "200",
}


def test_drawer_rules_are_set_in_yuan_and_kept_in_fen(server: Server, owner: Browser) -> None:
    page = owner.client.get(settings_url(server)).text
    assert "钱箱交班" in page and 'name="drawer_variance_pin"' in page and 'value="50"' in page
    form = form_of(server, **DRAWER | {"drawer_blind_close": "1", "drawer_variance_pin": "80"})
    saved = owner.post(settings_url(server), settings_url(server), **form)
    assert saved.status_code == 303
    assert master_data.store_settings(server.engine, server.store_id) == {
        "drawer_blind_close": 1,
        "drawer_variance_pin": 8_000,
    }
    before = held(server)
    for bad in ({"drawer_pay_out_pin": "-5"}, {"drawer_blind_close": "2"}):
        refused = owner.post(settings_url(server), settings_url(server), **form | bad)
        assert refused.status_code == 400 and "钱箱设置须为 0 或正整数" in refused.text
    assert held(server) == before
