"""The local store: Peewee models over one SQLite file. No Textual here."""

from fieldapp.store.db import close_store, db, open_store

__all__ = ["close_store", "db", "open_store"]
