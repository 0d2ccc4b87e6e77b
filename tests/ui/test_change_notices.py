"""Changes announce themselves: what a pull or a use case changed reaches every open screen
through one signal (UiContext.changed), so nothing keeps showing what it loaded at start."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from salon_pos.jobs.sync import RoundReport
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.cashier_catalog import ItemButton
from salon_pos.ui.shell import Shell
from sync.operations.setup import CHANGE_CATALOG_ITEM
from tests.conftest import Shelf, Team
from tests.sync.client.feed import Feed, mark_pushed


class PullingDriver:
    """A sync driver whose one round pulls a page of changes into the counter, as the real
    sync_round does, and reports what they changed."""

    def __init__(self, outbox: CounterOutbox, feed: Feed) -> None:
        self.outbox, self.feed, self.due = outbox, feed, True

    def tick(self) -> Any:
        if not self.due:
            return None
        self.due = False
        self.outbox.apply_changes(self.feed.changes, self.feed.changes[-1].seq)
        return RoundReport(online=True, changed=self.outbox.take_changes())

    def wake(self) -> None:
        self.due = True

    def stop(self) -> None:
        pass


def _tile_price(page: CashierPage, item_id: str) -> int:
    """The price on the tile in the grid now (a rebuilt grid's old tiles wait for deletion)."""
    tiles = page.catalog.tiles.tiles
    [tile] = [t for t in tiles if isinstance(t, ItemButton) and t.offer.id == item_id]
    return tile.offer.price


def test_a_price_pulled_from_the_server_shows_on_the_tile_without_a_restart(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    page.catalog.categories.setCurrentRow(0)  # all categories
    assert _tile_price(page, shelf.facial) == 19800
    feed = Feed()
    raised = {"id": shelf.facial, "kind": "service", "category": "面部护理", "name": "补水保湿护理"}
    feed.add(CHANGE_CATALOG_ITEM, shelf.facial, raised | {"price": 22800, "duration_min": 60})
    backend = shell.ctx.backend
    mark_pushed(backend)  # the catalog reached the server, which raised a price
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)

    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000) as announced:
        shell.start_sync(PullingDriver(outbox, feed), watch_network=False)

    assert announced.args[0].ids(CHANGE_CATALOG_ITEM) == {shelf.facial}
    page.catalog.categories.setCurrentRow(0)  # a reload shows the first category again
    assert _tile_price(page, shelf.facial) == 22800
    shell.close()
