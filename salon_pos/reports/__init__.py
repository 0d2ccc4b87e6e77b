"""PDF reports with reportlab and CSV exports: take data, return files."""
