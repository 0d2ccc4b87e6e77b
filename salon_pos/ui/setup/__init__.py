"""The setup wizard of a counter's first run: a new store, or joining one (docs/first-run.md)."""
