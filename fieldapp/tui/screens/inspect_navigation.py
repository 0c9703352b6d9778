"""Moving between a checklist's items during an inspection: previous, next, the next
unanswered, where an answer moves on to, and scrolling an item's text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from fieldapp.domain.checklist import Item
from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.store.storage_full import StorageFull

if TYPE_CHECKING:
    from fieldapp.tui.widgets.item_card import ItemCard


class NavigationPart:
    """Mixed into InspectScreen (which gives `codes`, `index`, `item`, `card`, `show_item`,
    `explain`…)."""

    view: InspectionView
    inspection_id: str
    code: str

    if TYPE_CHECKING:  # InspectScreen's

        @property
        def codes(self) -> list[str]: ...

        @property
        def index(self) -> int: ...

        @property
        def item(self) -> Item: ...

        @property
        def card(self) -> ItemCard: ...

        def show_item(self) -> None: ...

        def explain(
            self,
            message: str,
            *,
            severity: SeverityLevel = "warning",
            title: str = "",
            timeout: float | None = None,
        ) -> None: ...

    def next_code(self, asked: tuple[str, ...]) -> str:
        """Where to go after answering the current item, among the items `asked` once the
        answer is given: the next one, else the first unanswered (the current item counts
        as answered)."""
        position = asked.index(self.code)
        if position + 1 < len(asked):
            return asked[position + 1]
        later = self.view.first_unanswered(after=self.code)
        return later if later and later != self.code and later in asked else self.code

    def go_to(self, code: str, *, persist: bool = True) -> None:
        self.code = code
        if persist and not self.view.read_only:
            try:
                inspections.set_current_item(self.inspection_id, code)
            except StorageFull as full:  # only where to resume is not kept: go on
                self.show_item()
                self.explain(str(full), severity="error")
                return
        self.show_item()

    def action_previous(self) -> None:
        if self.index == 0:
            self.explain(t("inspect.first"), severity="information")
            return
        self.go_to(self.codes[self.index - 1])

    def action_next(self) -> None:
        if self.index + 1 >= len(self.codes):
            self.explain(t("inspect.last"), severity="information")
            return
        self.go_to(self.codes[self.index + 1])

    def action_scroll_item(self, direction: int) -> None:
        self.card.scroll_body(direction)

    def action_next_unanswered(self) -> None:
        """The item on screen when it has no answer (an answer moves on, so `u y u y`
        answers one item after another), else the next unanswered one, wrapping."""
        code = self.view.first_unanswered(at=self.item.code)
        if code is None:
            self.explain(t("inspect.all_answered"), severity="information")
            return
        self.go_to(code)
