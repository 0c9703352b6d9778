"""Campaigns (ctrl+k): every campaign the office published, which are on, in what phase, where
and until when; a supervisor switches one on or off (space) or moves it to its next phase
(p). A switch goes to the server as one op with the next sync and shows as waiting until
the server's answer comes back; a refusal is shown with its reason. Inspectors see the
list without the switch keys in the footer or F1 (pressed anyway, they are told why).
Reading and writing run in thread workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from fieldapp.domain.campaigns import has_ended, phase_name
from fieldapp.domain.clock import today
from fieldapp.i18n import language, listed, pick, t
from fieldapp.services.common.campaign_switch import CampaignLine
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Table

SWITCH_ACTIONS = ("switch", "next_phase")
COLUMNS = ("name", "state", "phase", "dates", "grids")


def phase_text(line: CampaignLine, phase: str) -> str:
    """A phase as the person reads it (English names where the office gave them)."""
    return phase_name(line.phases, line.phases_en, phase, language())


def state_text(line: CampaignLine) -> str:
    """On or off, and a switch of mine on its way or refused."""
    text = t("campaigns.state.on" if line.active else "campaigns.state.off")
    if line.active and has_ended(line.ends_on, today()):  # on, but no longer run
        text = t("campaigns.state.ended")
    if line.waiting is not None:
        on_, phase = line.waiting
        wanted = t("campaigns.state.on" if on_ else "campaigns.state.off")
        text = t(
            "campaigns.state.waiting",
            state=text,
            wanted=f"{wanted}{' ' + phase_text(line, phase) if phase else ''}",
        )
    elif line.refused:
        text = t("campaigns.state.refused", state=text)
    return text


def switched_on(line: CampaignLine) -> bool:
    """On, or on once a switch of mine still waiting is sent."""
    return line.waiting[0] if line.waiting is not None else line.active


def dates_text(starts_on: object, ends_on: object) -> str:
    """A campaign's days as the office set them: both, one end, or none."""
    if starts_on and ends_on:
        return f"{starts_on} – {ends_on}"
    if starts_on:
        return t("campaigns.dates.from", day=starts_on)
    if ends_on:
        return t("campaigns.dates.until", day=ends_on)
    return t("campaigns.dates.any")


def scope_text(names: tuple[str, ...], towns: frozenset[str] = frozenset()) -> str:
    """Every grid, or how many grids and which, one form for both: 全部网格 / 2 个网格（…）;
    a town's own grid is the whole town (示例镇全镇), not "1 个网格（示例镇）"."""
    if not names:
        return t("campaign.admin.everywhere")
    said = [t("campaigns.scope.town", name=name) if name in towns else name for name in names]
    if set(names) <= towns:
        return listed(said)
    return t("campaigns.scope.grids", count=len(names), names=listed(said))


class CampaignsScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    PLACE = "nav.place.campaigns"
    SECTION = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "switch", "On / off", id="campaigns.toggle"),
        Binding("p", "next_phase", "Next phase", id="campaigns.phase"),
        # Pressed by someone who may not switch (the two above are hidden): said.
        Binding("space,p", "not_mine", show=False, id="campaigns.not_mine"),
        Binding("r", "refresh", "Refresh", id="campaigns.refresh"),
        Binding("escape", "back", "Back", id="campaigns.back"),
    ]

    @dataclass
    class Loaded(Message):
        lines: list[CampaignLine]
        may_switch: bool

    def __init__(self) -> None:
        super().__init__(id="campaigns")
        self.lines: list[CampaignLine] = []
        self.may_switch = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("campaigns.title_view"), id="campaigns-title", classes="pane-title")
        yield Table(id="campaigns-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="campaigns-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("campaigns.subtitle")
        self.query_one("#campaigns-table", DataTable).focus()
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hidden from someone who may not switch (pressed anyway, not_mine says why).
        return self.may_switch or action not in SWITCH_ACTIONS

    def action_not_mine(self) -> None:
        self.explain(t("campaigns.not_mine"))

    def action_refresh(self) -> None:
        self._load()

    def synced(self) -> None:
        self._load()  # the server's answer to a switch came back

    @work(thread=True, exclusive=True, exit_on_error=False, group="campaigns-load")
    def _load(self) -> None:
        from fieldapp.services.common.campaign_switch import campaign_lines, may_switch
        from fieldapp.store import db

        with db.connection_context():
            lines, allowed = campaign_lines(), may_switch()
        self.post_message(self.Loaded(lines, allowed))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.lines, self.may_switch = event.lines, event.may_switch
        table = self.query_one("#campaigns-table", DataTable)
        kept = table.cursor_row
        table.clear(columns=True)  # columns sized afresh: a long state does not stay wide
        for key in COLUMNS:
            table.add_column(t(f"campaigns.col.{key}"), key=key)
        for line in event.lines:
            dates = dates_text(line.starts_on, line.ends_on)
            # Off, it runs nowhere and in no phase (the phase it had is kept for its next start).
            where = scope_text(line.grid_names, line.towns) if line.active else "-"
            phase = (phase_text(line, line.phase) if line.active else "") or "-"
            table.add_row(pick(line.zh, line.en), state_text(line), phase, dates, where,
                          key=line.code)  # fmt: skip
        if event.lines:
            table.move_cursor(row=min(kept, len(event.lines) - 1))
        # The keys are named only to someone who may press them.
        title = "campaigns.title" if self.may_switch else "campaigns.title_view"
        title = title if event.lines else "campaigns.none"
        self.query_one("#campaigns-title", Label).update(t(title))
        self.refresh_bindings()
        self._show_detail()

    @on(DataTable.RowHighlighted, "#campaigns-table")
    def _show_detail(self) -> None:
        line = self.current()
        detail = self.query_one("#campaigns-detail", Static)
        if line is None:
            detail.update("" if self.may_switch else t("campaigns.supervisors_only"))
            return
        parts = [
            t(
                "campaigns.phases",
                name=pick(line.zh, line.en),  # the row's campaign: the table is above
                phases=" → ".join(phase_text(line, p) for p in line.phases) if line.phases else "-",
            )
        ]
        if line.refused:
            parts.append(t("campaigns.refused", reason=line.refused))
        for number, code in line.left_out:  # said once here, not in every inspection
            parts.append(
                t("campaigns.left_out", name=pick(line.zh, line.en), number=number, code=code)
            )
        if not self.may_switch:
            parts.append(t("campaigns.supervisors_only"))
        detail.update("\n".join(parts))

    def current(self) -> CampaignLine | None:
        key = selected_key(self.query_one("#campaigns-table", DataTable))
        return next((line for line in self.lines if line.code == key), None)

    def action_switch(self) -> None:
        line = self.current()
        if line is None:
            self.app.bell()
            return
        on_now = switched_on(line)
        phase = line.phase or (line.phases[0] if line.phases else "")
        self._switch(line, active=not on_now, phase=phase if not on_now else "")

    def action_next_phase(self) -> None:
        line = self.current()
        if line is None or not line.phases:
            self.explain(t("campaigns.no_phases"))
            return
        if not switched_on(line):
            # The phase key moves a running campaign on; only space starts one.
            self.explain(t("campaigns.phase_when_off", name=pick(line.zh, line.en)))
            return
        current = line.waiting[1] if line.waiting is not None and line.waiting[1] else line.phase
        position = line.phases.index(current) if current in line.phases else -1
        self._switch(line, active=True, phase=line.phases[(position + 1) % len(line.phases)])

    def _switch(self, line: CampaignLine, *, active: bool, phase: str) -> None:
        """Asked first (y/n, Esc cancels): the campaign, what it becomes and where."""
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        name = pick(line.zh, line.en)
        on_now = switched_on(line)
        key = ("phase" if on_now else "on") if active else "off"
        phase_name = phase_text(line, phase) if phase else "-"
        question = t(f"campaigns.confirm.{key}", name=name, phase=phase_name)
        scope = t("campaigns.confirm.scope", grids=scope_text(line.switch_scope, line.towns))
        # Recorded, not sent: the outbox takes it to the server at the next sync.
        part = t("campaigns.sent.phase_part", phase=phase_name) if phase else ""
        recorded = t(
            f"campaigns.sent.{key}", name=name, phase=phase_name if key == "phase" else part
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._send(line.code, active, phase)
                self.notify(recorded)

        self.app.push_screen(ConfirmDialog(question, scope, id="campaign-confirm"), answered)

    @work(thread=True, exit_on_error=False, group="campaigns-switch")
    def _send(self, code: str, active: bool, phase: str) -> None:
        from fieldapp.services.common.campaign_switch import switch
        from fieldapp.store import db

        with db.connection_context():
            switch(code, active=active, phase=phase)
        self.app.post_message(SyncRequested("campaign.switch"))
        self.app.call_from_thread(self._load)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
