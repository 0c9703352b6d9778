"""Open a photo with the system viewer (`xdg-open`, `open` on macOS) when there is one.

Where none can start (no opener, no graphical display, or the opener gave up at once),
the person is told so and where the file is, in one line: never silence, never "opened"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from fieldapp.i18n import t

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

# How long the opener may take to give up before it counts as started: xdg-open without a
# desktop fails within a few milliseconds; one that found a viewer returns 0 or keeps running.
GIVE_UP_SECONDS = 1.5


class ViewerSaid(NamedTuple):
    opened: bool
    text: str


def _cannot(reason: str, path: str) -> ViewerSaid:
    return ViewerSaid(False, t("photo_view.cannot_start", reason=reason, path=path))


def open_with_viewer(path: str, label: str = "") -> ViewerSaid:
    """Start the system viewer on `path`; what to tell the person (`label` names the photo).

    Waits up to GIVE_UP_SECONDS for the opener: call it in a worker, not on the UI thread.
    No viewer (a bare server console, a test machine) or a missing file is said, never raised.
    """
    if not Path(path).is_file():
        return ViewerSaid(False, t("review_ui.photo.missing", path=path))
    name = "open" if sys.platform == "darwin" else "xdg-open"
    opener = shutil.which(name)
    if opener is None:
        return _cannot(t("photo_view.reason.no_opener", opener=name), path)
    graphical = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not graphical:
        return _cannot(t("photo_view.reason.no_display"), path)
    try:
        started = subprocess.Popen(
            [opener, path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return _cannot(t("photo_view.reason.failed", opener=name), path)
    try:
        code = started.wait(timeout=GIVE_UP_SECONDS)
    except subprocess.TimeoutExpired:  # a viewer that stays open until closed
        code = 0
    if code != 0:
        return _cannot(t("photo_view.reason.failed", opener=name), path)
    return ViewerSaid(True, t("photo_view.opened", label=label or Path(path).name))


def open_and_say(screen: Screen[Any], path: str, label: str = "") -> None:
    """Open `path` in a thread worker (the opener may take a moment to give up) and notify
    what happened: a failure as a warning that stays long enough to read the path."""

    def opening() -> None:
        said = open_with_viewer(path, label)
        severity: SeverityLevel = "information" if said.opened else "warning"
        timeout = 5.0 if said.opened else 15.0
        screen.app.call_from_thread(screen.notify, said.text, severity=severity, timeout=timeout)

    screen.run_worker(opening, thread=True, exit_on_error=False, group="photo-viewer")
