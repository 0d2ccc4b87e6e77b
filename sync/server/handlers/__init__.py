"""One handler per operation type; the registry maps a type to its handler (see apply.py)."""
