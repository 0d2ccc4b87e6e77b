"""Alembic environment: batch mode for SQLite, run on a connection the caller opened."""

from alembic import context

from sync.server.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
