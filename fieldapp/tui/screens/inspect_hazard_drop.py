"""An answer that is no longer a failure deletes the hazard (隐患) recorded on its item,
with its description, deadline and photos. Before that the inspector is asked, the
question naming what goes; Esc or n keeps the failed answer and the hazard, y changes the
answer and says the hazard is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldapp.domain.checklist import Item
from fieldapp.i18n import t
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.tui.widgets.item_card import answer_words

if TYPE_CHECKING:
    from fieldapp.store.models import Finding
    from fieldapp.tui.widgets.item_card import ItemCard

DROP_DIALOG_ID = "drop-hazard"


def deletes_hazard(view: InspectionView, item: Item, outcome: str) -> Finding | None:
    """The hazard recorded on `item` that answering it `outcome` would delete, if any."""
    return None if outcome == "fail" else view.findings.get(item.code)


def hazard_words(finding: Finding, description: str | None = None) -> str:
    """What a recorded hazard holds, as the question says it (`description`: the finding's
    as its reader reads it, `InspectionView.description`)."""
    return t(
        "inspect.drop_hazard.what",
        description=finding.description if description is None else description,
        deadline=finding.deadline.isoformat(),
        count=len(finding.photos),
    )


class HazardDropPart:
    """Mixed into InspectScreen (which gives `view`, `show_item`, `card`, `app`…)."""

    view: InspectionView
    app: Any

    if TYPE_CHECKING:  # InspectScreen's

        def show_item(self) -> None: ...

        @property
        def card(self) -> ItemCard: ...

    def select_answer(self) -> None:
        """Back in an answer field that kept its focus (so it was not selected as a field
        is when focus moves into it): its value selected, so typing replaces it."""
        field = self.card.answer_input
        if field.has_focus:
            field.select_all()

    def ask_before_dropping(
        self, item: Item, outcome: str, value: str, change: Callable[[], None]
    ) -> bool:
        """True when answering `item` so would delete its hazard: then the inspector is
        asked, and `change` runs only on yes. False: nothing to ask, the caller goes on."""
        finding = deletes_hazard(self.view, item, outcome)
        if finding is None:
            return False
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        answer = answer_words(outcome, value, item)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.show_item()  # the failed answer, as it is still stored
                self.select_answer()
                self.app.notify(t("inspect.drop_hazard.kept", code=item.code))
                return
            change()
            self.app.notify(t("inspect.drop_hazard.done", code=item.code, answer=answer))

        what = hazard_words(finding, self.view.description(finding))
        body = "\n".join((what, t("inspect.drop_hazard.body", answer=answer)))
        self.app.push_screen(
            ConfirmDialog(
                t("inspect.drop_hazard.title", code=item.code),
                body,
                yes=t("inspect.drop_hazard.yes"),
                no=t("inspect.drop_hazard.no"),
                id=DROP_DIALOG_ID,
                safe_default=True,  # Enter keeps the hazard; deleting it takes y
            ),
            answered,
        )
        return True
