"""APScheduler jobs: thin functions that call services (sync, backups, reminders)."""
