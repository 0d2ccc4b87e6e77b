"""Local SQLite database: engine set-up, typed models, migrations, outbox and audit writers."""
