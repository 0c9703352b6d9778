"""A follow-up plan (F11, f; offered at once when a person is tagged 管控对象): its cadence
and, for a controlled person, the 三包一 team — one town cadre, at least two 两委 cadres,
one medical worker (`domain.control_team`). A controlled person's plan starts on the
domain's defaults (twice a day at 08:00 and 16:00, 14 days) and is not saved until its
team is whole: the dialog says who is missing. Dismisses with {"cadence", "team"} (team
None when none was given for a person not controlled), or None when cancelled: Esc
asks first (放弃已填写的内容？) once anything was typed or chosen."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from fieldapp.domain import control_team
from fieldapp.domain.followups import CADENCES
from fieldapp.i18n import t
from fieldapp.services.followups.plans import team_problem
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.dialogs.followup import buttons
from fieldapp.tui.dialogs.saving import SAVES_WITH_CTRL_S
from fieldapp.tui.widgets.dialog_foot import FormMessage
from fieldapp.tui.widgets.key_footer import KeyFooter


class PlanDialog(AsksBeforeDiscarding, ModalScreen[dict[str, Any] | None]):
    CSS_PATH = "../screens/people.tcss"
    REFUSED_APP_ACTIONS = SAVES_WITH_CTRL_S
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+s", "save", "Save", id="plan.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="plan.cancel"),
    ]

    def __init__(self, name: str, *, controlled: bool) -> None:
        super().__init__(classes="followup-dialog")
        self.name_text = name
        self.controlled = controlled  # the team is required, the cadence starts as 篇一's
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        title = "plan.title.controlled" if self.controlled else "plan.title"
        with Vertical(classes="person-box"):
            yield Label(t(title, name=self.name_text), classes="dialog-title")
            with Horizontal(classes="field-row"):
                yield Label(t("plan.cadence"))
                start = control_team.CONTROLLED_CADENCE if self.controlled else CADENCES[0]
                yield Select([(t(f"plan.cadence.{c}"), c) for c in CADENCES], value=start,
                             allow_blank=False, id="plan-cadence", compact=True)  # fmt: skip
            yield Label(t("plan.team.rule" if self.controlled else "plan.team.optional"),
                        classes="plan-team-rule")  # fmt: skip
            for role in control_team.TEAM_ROLES:
                with Horizontal(classes="field-row"):
                    yield Label(t(f"plan.team.{role}"))
                    yield Input(placeholder=t(f"plan.team.{role}.example"),
                                id=f"plan-{role}", compact=True)  # fmt: skip
            yield from buttons("plan")
        yield KeyFooter()

    def on_mount(self) -> None:
        first = "#plan-town_cadre" if self.controlled else "#plan-cadence"
        self.query_one(first).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def team(self) -> list[dict[str, str]]:
        names = {role: control_team.names_in(self.query_one(f"#plan-{role}", Input).value)
                 for role in control_team.TEAM_ROLES}  # fmt: skip
        return control_team.team_of(names)

    @on(Button.Pressed, "#plan-save")
    def action_save(self) -> None:
        team = self.team()
        if problem := team_problem(team, required=self.controlled):
            self.query_one("#plan-said", FormMessage).update(str(problem))
            self.query_one(f"#plan-{problem.role}", Input).focus()
            return
        cadence = self.query_one("#plan-cadence", Select).value
        self.dismiss({"cadence": cadence if isinstance(cadence, str) else CADENCES[0],
                      "team": team or None})  # fmt: skip

    @on(Button.Pressed, "#plan-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()  # a team typed is asked about, as the person dialog does
