"""Patch tests in the console (SQLite and PostgreSQL): a service's page shows and edits "needs
a patch test", which goes down the feed; the store's patch test validity is a store-wide
setting."""

from __future__ import annotations

from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_catalog import SERVICE, add, catalog_of, feed, item_id, rows
from tests.sync.web.test_console_settings import form_of, held, settings_url


def test_a_service_is_marked_and_unmarked_as_needing_a_patch_test(
    server: Server, owner: Browser
) -> None:
    add(owner, server, SERVICE)
    item = item_id(server, "补水保湿护理")
    page = f"{catalog_of(server)}/items/{item}"
    shown = owner.client.get(page).text
    assert 'name="needs_patch_test"' in shown and "须有有效皮试方可销售" in shown
    assert 'data-testid="patch-test-badge"' not in shown
    fields = {k: v for k, v in SERVICE.items() if k != "kind"}
    answer = owner.post(page, page, **fields, needs_patch_test="1")
    assert answer.status_code == 200, answer.text
    assert 'data-testid="patch-test-badge"' in answer.text and " checked" in answer.text
    assert rows(server)[0]["needs_patch_test"] is True
    assert feed(server)[-1][1]["needs_patch_test"] is True
    owner.post(page, page, **fields)  # the box left unticked
    assert rows(server)[0]["needs_patch_test"] is False
    assert feed(server)[-1][1]["needs_patch_test"] is False


def test_the_validity_is_a_store_wide_setting(server: Server, owner: Browser) -> None:
    page = settings_url(server)
    shown = owner.client.get(page).text
    assert 'name="patch_test_days"' in shown and 'value="180"' in shown
    answer = owner.post(page, page, **form_of(server, patch_test_days="90"))
    assert answer.status_code == 303
    assert held(server)[0]["patch_test_days"] == 90
    refused = owner.post(page, page, **form_of(server, patch_test_days="九十"))
    assert refused.status_code == 400 and "皮试有效期须为 0 到 3650 天" in refused.text
    assert held(server)[0]["patch_test_days"] == 90
