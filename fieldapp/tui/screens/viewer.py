"""Open a photo with the system viewer (`xdg-open`, `open` on macOS) when there is one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from fieldapp.i18n import t


def open_with_viewer(path: str) -> str:
    """Start the system viewer on `path` (detached); return what to tell the person.

    No viewer (a bare server console, a test machine) or a missing file is said, never raised.
    """
    if not Path(path).is_file():
        return t("review_ui.photo.missing", path=path)
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        return t("review_ui.photo.no_viewer", path=path)
    try:
        subprocess.Popen(
            [opener, path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return t("review_ui.photo.no_viewer", path=path)
    return t("review_ui.photo.opened", path=path)
