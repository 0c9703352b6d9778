"""Modal dialogs: each asks one question and dismisses with the answer."""

from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.presence import PresenceChoice, PresenceDialog
from fieldapp.tui.dialogs.resume import ResumeDialog
from fieldapp.tui.dialogs.scan import ScanDialog

__all__ = ["ConfirmDialog", "PresenceChoice", "PresenceDialog", "ResumeDialog", "ScanDialog"]
