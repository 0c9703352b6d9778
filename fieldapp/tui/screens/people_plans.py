"""People (F11): follow-up plans. `f` on a person without a running plan opens the plan
dialog (a controlled person's starts on 篇一's defaults and asks for the 三包一 team); on a
person whose plan runs, it offers to end that plan early, with a reason. A person saved
newly tagged 管控对象 is offered the controlled plan at once. Store calls run in thread
workers; each save asks for a sync at once (the grid head sees it now when online)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import on, work
from textual.message import Message

from fieldapp.domain import control_team
from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import listed, t
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.dialogs.plan import PlanDialog
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens.people_editing import PeopleEditing


class PeoplePlans(PeopleEditing):
    @dataclass
    class PlanAsked(Message):
        member_id: str
        name: str
        controlled: bool
        running: tuple[str, str] | None  # (plan id, last day) of the plan that runs

    @dataclass
    class PlanSaid(Message):
        text: str
        warning: bool = False

    def action_plan(self) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        member = current[1]
        self._ask_plan(member.id, member.name)

    def offer_plan(self, member_id: str, name: str) -> None:
        """A person just tagged 管控对象 and without a plan: the controlled plan, now."""
        self.notify(t("plan.offer", name=name))
        self.post_message(self.PlanAsked(member_id, name, True, None))

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-plan")
    def _ask_plan(self, member_id: str, name: str) -> None:
        from fieldapp.services.followups import plans
        from fieldapp.store import db
        from fieldapp.store.people_models import HouseholdMember

        with db.connection_context():
            tags = HouseholdMember.get_by_id(member_id).tags or ()
            held = plans.running_plan(member_id)
        running = (held.id, held.last_day.isoformat()) if held else None
        controlled = control_team.CONTROLLED_TAG in tags
        self.post_message(self.PlanAsked(member_id, name, controlled, running))

    @on(PlanAsked)
    def _plan_asked(self, event: PlanAsked) -> None:
        if event.running is not None:  # f again: end the running plan early, with a reason
            plan_id, last_day = event.running
            title = t("plan.end.title", name=event.name, last_day=last_day)

            def ended(reason: str | None) -> None:
                if reason:
                    self._end_worker(plan_id, event.name, reason)

            said = partial(text_problem, "plan_end_reason")  # "。。" is no reason
            self.app.push_screen(AskDialog(title, t("plan.end.reason"), check=said), ended)
            return

        def chosen(result: dict[str, Any] | None) -> None:
            if result is not None:
                self._plan_worker(event.member_id, event.name, result["cadence"], result["team"])

        self.app.push_screen(PlanDialog(event.name, controlled=event.controlled), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-plan")
    def _plan_worker(self, member_id: str, name: str, cadence: str,
                     team: list[dict[str, str]] | None) -> None:  # fmt: skip
        from fieldapp.services.followups import plans
        from fieldapp.store import db

        with db.connection_context():
            try:
                plans.create_plan(member_id, cadence=cadence, team=team)
            except plans.PlanInvalid as refused:
                self.post_message(self.PlanSaid(str(refused), warning=True))
                return
        self.app.post_message(SyncRequested("followup.plan"))
        names = listed(member["name"] for member in team or ())
        said = (
            t("plan.created.team", name=name, team=names) if team else t("plan.created", name=name)
        )
        self.post_message(self.PlanSaid(said))

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-plan")
    def _end_worker(self, plan_id: str, name: str, reason: str) -> None:
        from fieldapp.services.followups import plan_end, plans
        from fieldapp.store import db

        with db.connection_context():
            try:
                plan_end.end_plan(plan_id, reason)
            except plans.PlanInvalid as refused:
                self.post_message(self.PlanSaid(str(refused), warning=True))
                return
        self.app.post_message(SyncRequested("followup.plan"))
        self.post_message(self.PlanSaid(t("plan.end.done", name=name, reason=reason.strip())))

    @on(PlanSaid)
    def _plan_said(self, event: PlanSaid) -> None:
        timeout = 10 if event.warning else 5
        self.notify(event.text, severity="warning" if event.warning else "information",
                    timeout=timeout)  # fmt: skip
