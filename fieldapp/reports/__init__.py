"""Exports: CSV/XLSX, PDF rectification notices, placards. No Textual here."""
