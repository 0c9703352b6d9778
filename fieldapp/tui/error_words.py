"""An error nothing else caught, said in the UI's language: a full disk as such (what is
kept, where to free space), anything else as the generic "something went wrong"."""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.store.db import db
from fieldapp.store.storage_full import StorageFull, data_folder, is_storage_full


def error_in_words(error: BaseException) -> str:
    """The toast for an error nothing else caught: a full disk said as such (what is kept,
    where to free space), anything else as the generic "something went wrong"."""
    if isinstance(error, StorageFull):
        return str(error)
    if is_storage_full(error):
        return str(StorageFull(data_folder(str(db.database))))
    return t("notify.error", error=error)
