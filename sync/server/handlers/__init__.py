"""One module per family of operations (sync/operations/); each registers its handlers in
registry.HANDLERS by (type, payload version). Importing this package registers them all."""

from sync.server.handlers import conflicts, customers, patch_tests, sales, setup  # noqa: F401
