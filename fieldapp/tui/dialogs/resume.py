"""At start-up: offer to resume the newest unfinished inspection where it stopped."""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog


class ResumeDialog(ConfirmDialog):
    """Dismisses True to resume; the caller pushes the inspection screen for `inspection_id`."""

    def __init__(
        self,
        inspection_id: str,
        *,
        venue: str,
        code: str,
        started: str,
        item: str,
    ) -> None:
        super().__init__(
            t("resume.title"),
            t("resume.body", venue=venue, code=code, started=started, item=item),
            yes=t("resume.yes"),
            no=t("resume.no"),
            id="resume-dialog",
        )
        self.inspection_id = inspection_id
