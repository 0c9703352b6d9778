"""The local store: Peewee models over one SQLite file. No Textual here."""

from fieldapp.store.db import db
from fieldapp.store.opening import close_store, open_store

__all__ = ["close_store", "db", "open_store"]
