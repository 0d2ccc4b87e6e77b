"""One module per family of operations (sync/operations/); each registers its handlers in
registry.HANDLERS by (type, payload version). Importing this package registers them all."""

from sync.server.handlers import (  # noqa: F401
    attendance,
    bookings,
    conflicts,
    customers,
    day_close,
    drawer,
    inventory,
    members,
    patch_tests,
    sales,
    setup,
    stock_documents,
    transfers,
)
