"""Why an export's file could not be written, in the inspector's language and with what
to do: a folder that does not exist, no permission, a read-only disk, a full disk, or a
folder where the system makes no files (/proc). Never the system's English words."""

from __future__ import annotations

import errno
from pathlib import Path

from fieldapp.i18n import t

_REASONS = {
    errno.EACCES: "export.unwritable.permission",
    errno.EPERM: "export.unwritable.permission",
    errno.EROFS: "export.unwritable.read_only",
    errno.ENOSPC: "export.unwritable.disk_full",
    errno.EDQUOT: "export.unwritable.disk_full",
    errno.ENOTDIR: "export.unwritable.not_a_folder",
    errno.EISDIR: "export.unwritable.is_a_folder",
}


def why_not_written(error: OSError, path: Path) -> str:
    """The sentence for `error`, met writing `path` (or a file beside it)."""
    folder = path.parent
    key = _REASONS.get(error.errno or 0, "export.unwritable.other")
    if error.errno == errno.ENOENT and not folder.exists():
        key = "export.unwritable.missing"
    return t(key, folder=folder, path=path)
