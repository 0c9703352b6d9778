"""The detail of one finding: what, where, its state, its history, conflicts, past visits.

Given a plain `DetailView` (made by the screen's worker); knows nothing of the store.
The photo list is focusable: Enter on a photo posts `PhotoChosen` and the screen opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from fieldapp.i18n import t
from fieldapp.tui.widgets.phrase_static import PhraseStatic

if TYPE_CHECKING:
    from fieldapp.tui.views.review import DetailView


def _heading(text: Text, words: str) -> None:
    text.append(f"\n{words}\n", style="bold underline")


def render_detail(view: DetailView) -> Text:
    """The finding, its history and conflicts as one text (safe: nothing is markup)."""
    text = Text()
    text.append(f"{view.venue_name}", style="bold")
    text.append(f"  {view.venue_code} · {t(f'kind.{view.venue_kind}')} · {view.grid_name}\n")
    # Its state, then its deadline on a line of its own, straight under the venue: at 80×24
    # the pane shows five lines, and "一般 · 待复查（已报整改） · 整改期限" ended the last of
    # them with the date on the next, out of sight.
    severity = t(f"review.severity.{view.severity}")
    text.append(severity, style="bold red" if view.severity == "major" else "")
    text.append(f" · {t(f'review.state.{view.state}')}\n")
    if view.deadline is not None:
        text.append(t("review_ui.deadline", date=view.deadline.isoformat()))
    if view.overdue:
        text.append(f" {t('review_ui.overdue_mark')}", style="bold red")  # mid-line: lowercase
    elif view.handed_over_late:  # why a hazard past its deadline is not marked overdue
        unit = t(f"review.unit.{view.handed_over_to}")
        text.append(f" {t('review_ui.handed_over_late', unit=unit)}", style="dim")
    if view.deadline is not None or view.overdue or view.handed_over_late:
        text.append("\n")
    if view.address:
        text.append(f"{view.address}\n", style="dim")
    text.append(f"{view.item_code} {view.item_text}\n")
    if view.severity == "major" and view.state != "closed":
        text.append(f"{t('review.major_flag')}\n", style="bold red")
    if view.handed_over_to:
        unit = t(f"review.unit.{view.handed_over_to}")
        text.append(f"{t('review_ui.handed_over_to', unit=unit, reference=view.reference)}\n")
    if view.description:
        text.append(f"{t('review_ui.description')}{view.description}\n")
    if view.conflicts:
        _heading(text, t("review_ui.conflicts", count=view.open_conflicts))
        for c in view.conflicts:
            resolved = t("review.conflict.resolved")
            mark = t("app.aside", text="", aside=resolved) if c.resolved else ""  # （已确认）
            text.append(f"{c.message}{mark}\n", style="dim" if c.resolved else "bold yellow")
    _heading(text, t("review_ui.history"))
    for e in view.events:
        style = "yellow" if e.conflict else ""
        text.append(f"{e.at} ", style="dim")
        text.append(f"{e.who}", style="bold " + style)
        if e.role:
            text.append(t("app.aside", text="", aside=e.role), style=style)  # （网格员）
        text.append(f" {e.label}", style=style)
        if e.detail:  # the parts apart: 发现隐患 · 整改期限 … · 本机
            text.append(f" · {e.detail}", style=style)
        if e.conflict:
            text.append(f" [{t('review.queue.conflicts')}]", style="bold yellow")
        if e.device:
            text.append(f" · {e.device}", style="dim")
        text.append("\n")
        if e.note:
            text.append(f"    {t('review_ui.note', note=e.note)}\n")
        if e.extra:
            text.append(f"    {t('review_ui.data', data=e.extra)}\n", style="dim")
    _heading(text, t("review_ui.past", count=len(view.past)))
    if not view.past:
        text.append(f"{t('review_ui.past_none')}\n", style="dim")
    for p in view.past:
        state = t(f"review_ui.inspection_state.{p.review_state or 'pending'}")
        manual = f" {t('review_ui.manual_flag')}" if p.manual else ""
        text.append(
            f"{p.submitted} {p.inspector} "
            f"{t('review_ui.failures', count=p.failures)} {state}{manual}\n"
        )
    return text


class PhotoList(OptionList):
    """The photos, one always highlighted once there are any: filled while unfocused, the
    list would otherwise show no cursor and swallow the first Enter."""

    def highlight_first(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.highlight_first()


def photos_title(count: int) -> str:
    """The photo pane's title: how many and that Enter opens one, or that there are none
    (it said 照片（0）· 回车打开, and Enter had nothing to open)."""
    return t("review_ui.photos", count=count) if count else t("review_ui.no_photos")


class FindingDetailPane(Horizontal):
    """Left: the finding and its history (scrolls). Right: its photos."""

    @dataclass
    class PhotoChosen(Message):
        path: str
        label: str  # how the pane names it: 照片 1, or the file it was attached from

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            # Broken where a phrase ends, not "…DM-0001 · 农贸市" / "场 · …" at 80 columns.
            yield PhraseStatic(t("review_ui.detail_empty"), id="detail-body")
        with VerticalScroll(id="detail-side"):
            yield Label(photos_title(0), id="detail-photos-title")
            yield PhotoList(id="detail-photos")

    def show(self, view: DetailView | None) -> None:
        body = self.query_one("#detail-body", PhraseStatic)
        photos = self.query_one("#detail-photos", PhotoList)
        photos.clear_options()
        if view is None:
            body.update(t("review_ui.detail_empty"))
            self.query_one("#detail-photos-title", Label).update(photos_title(0))
            return
        body.update(render_detail(view))
        self.query_one("#detail-scroll", VerticalScroll).scroll_home(animate=False)
        self.query_one("#detail-photos-title", Label).update(photos_title(len(view.photos)))
        # Named as a person says them (照片 1, the time taken), never the blob's hash path.
        named = zip(view.photos, view.photo_labels, strict=True)
        photos.add_options([Option(label, id=path) for path, label in named])
        photos.highlight_first()

    def open_photo(self) -> None:
        """Open the photo the list highlights (the first one until another is chosen), as
        Enter on the list does: the pane's title says Enter opens, and Enter on the
        hazard's row does it too, not three Tabs away."""
        photos = self.query_one("#detail-photos", PhotoList)
        photos.highlight_first()
        if photos.highlighted is not None:
            chosen = photos.get_option_at_index(photos.highlighted)
            if chosen.id:
                self.post_message(self.PhotoChosen(chosen.id, str(chosen.prompt)))

    @on(OptionList.OptionSelected, "#detail-photos")
    def _photo_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.PhotoChosen(event.option.id, str(event.option.prompt)))
