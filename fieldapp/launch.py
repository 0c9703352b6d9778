"""The `fieldapp` console script. With no command (or only --lang) it opens the TUI at
once; the click command line (fieldapp.cli) is imported only when a command is given, so
the cold start to the home screen does not pay for it."""

from __future__ import annotations

import os
import sys

LANGS = ("zh", "en")
WEB_SESSION_ENV = "FIELDAPP_WEB_SESSION"  # services.common.device_lock's, not imported here


def tui_language(args: list[str]) -> tuple[bool, str | None]:
    """(whether these arguments only open the TUI, the language they ask for)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--lang" and args[1] in LANGS:
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--lang=") and args[0][7:] in LANGS:
        return True, args[0][7:]
    return False, None


def end_with_parent() -> None:
    """A browser session's program (`fieldapp web` starts one per open terminal) ends with
    the `fieldapp web` that started it, however that ends: killed with SIGKILL, it left
    them running with nobody to talk to. Linux sends SIGTERM to a child whose parent
    died when asked (prctl PR_SET_PDEATHSIG); elsewhere nothing changes. Answers are
    saved as they are given, so the program's end loses nothing."""
    import ctypes
    import signal

    parent = os.getppid()  # not 1 by rule: `fieldapp web` may be a container's first process
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # the parent went before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def main() -> None:
    if os.environ.get(WEB_SESSION_ENV) == "1":
        end_with_parent()
    only_tui, lang = tui_language(sys.argv[1:])
    if only_tui:
        from fieldapp.tui.startup import run_tui

        run_tui(lang=lang)
        return
    from fieldapp.cli import main as command_line

    command_line()
