"""The central sync server: FastAPI app, apply rules, change feed, admin CLI.

See docs/sync-server.md."""
