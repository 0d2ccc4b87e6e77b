"""The only package that imports PySide6: windows, pages, dialogs, table models."""
