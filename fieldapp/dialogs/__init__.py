"""Modal dialogs: each asks one question and dismisses with the answer."""

from fieldapp.dialogs.confirm import ConfirmDialog
from fieldapp.dialogs.presence import PresenceChoice, PresenceDialog
from fieldapp.dialogs.resume import ResumeDialog
from fieldapp.dialogs.scan import ScanDialog

__all__ = ["ConfirmDialog", "PresenceChoice", "PresenceDialog", "ResumeDialog", "ScanDialog"]
