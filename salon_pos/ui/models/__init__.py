"""Qt item models over plain frozen rows (STYLE.md: table models over plain rows)."""
