"""Alembic migrations of the server's own database (see sync/server/migrate.py)."""
