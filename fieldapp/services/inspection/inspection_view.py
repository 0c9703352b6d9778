"""An inspection as its form: the record, its checklist (with the campaigns it started
under), its answers and findings, the items asked now, and its progress.

Read only: the writes (answers, notes, photos, submit) are in `inspections`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.domain.campaigns import with_campaigns
from fieldapp.domain.checklist import Checklist
from fieldapp.domain.clock import today
from fieldapp.domain.conditions import Context, FormState, form_state
from fieldapp.domain.finding_text import not_met, shown_description
from fieldapp.services.common import campaigns, settings
from fieldapp.services.common.campaigns import Applied
from fieldapp.services.common.checklists import get_checklist
from fieldapp.store.models import Answer, Finding, Inspection, Venue


@dataclass
class InspectionView:
    inspection: Inspection
    venue: Venue
    checklist: Checklist
    answers: dict[str, Answer]
    findings: dict[str, Finding]
    context: Context = field(default_factory=Context)
    state: FormState = field(default_factory=lambda: FormState((), frozenset()))
    campaigns: list[Applied] = field(default_factory=list)  # pinned when it started

    @property
    def read_only(self) -> bool:
        return self.inspection.status != "draft"

    def given(self) -> dict[str, tuple[str, str]]:
        return {code: (a.outcome, a.value) for code, a in self.answers.items()}

    def state_with(self, code: str, outcome: str, value: str) -> FormState:
        """The items asked once this answer is given (before it is committed)."""
        return form_state(self.checklist, {**self.given(), code: (outcome, value)}, self.context)

    def first_unanswered(self, after: str | None = None, *, at: str | None = None) -> str | None:
        """The next visible item with no answer, after `after` (or from `at` on, `at`
        itself first), wrapping round."""
        codes = list(self.state.visible)
        start = codes.index(after) + 1 if after in codes else codes.index(at) if at in codes else 0
        for code in codes[start:] + codes[:start]:
            answer = self.answers.get(code)
            if answer is None or answer.outcome == "note":
                return code
        return None

    def description(self, finding: Finding) -> str:
        """A finding's description as its reader reads it: the requirement not met, said
        in the reader's language, when it is the generated one (or none was kept)."""
        try:
            item = self.checklist.item(finding.item_code)
        except KeyError:
            return finding.description
        shown = shown_description(finding.description, item.zh, item.en)
        return shown or not_met(item.zh, item.en)


@dataclass
class Summary:
    total: int
    answered: int
    missing_required: list[str]
    failures: dict[str, int]  # severity -> count
    findings: list[Finding]
    missing_photos: list[str] = field(default_factory=list)


def load(inspection_id: str) -> InspectionView:
    inspection = Inspection.get_by_id(inspection_id)
    venue = Venue.get_by_id(inspection.venue_id)
    applied = campaigns.pinned((inspection.summary or {}).get("campaigns", []))
    checklist = with_campaigns(
        get_checklist(inspection.checklist_id, inspection.checklist_version),
        venue.kind,
        [a.campaign for a in applied],
    )
    answers = {a.item_code: a for a in Answer.select().where(Answer.inspection == inspection_id)}
    findings = {f.item_code: f for f in Finding.select().where(Finding.inspection == inspection_id)}
    context = context_for(venue, checklist, applied)
    view = InspectionView(inspection, venue, checklist, answers, findings, context)
    view.campaigns = applied
    view.state = form_state(checklist, view.given(), view.context)
    return view


def refresh(view: InspectionView) -> InspectionView:
    """`view` after answers were given: the inspection, its answers and findings read
    again; the venue, the checklist and what its conditions see (thresholds, campaigns)
    kept as `load` found them. The inspect screen calls this after every answer, so it
    reads no settings and rebuilds no checklist."""
    inspection_id = view.inspection.id
    inspection = Inspection.get_by_id(inspection_id)
    answers = {a.item_code: a for a in Answer.select().where(Answer.inspection == inspection_id)}
    findings = {f.item_code: f for f in Finding.select().where(Finding.inspection == inspection_id)}
    fresh = InspectionView(inspection, view.venue, view.checklist, answers, findings, view.context)
    fresh.campaigns = view.campaigns
    fresh.state = form_state(view.checklist, fresh.given(), view.context)
    return fresh


def with_answer(
    view: InspectionView, answer: Answer, finding: Finding | None, current_item: str
) -> InspectionView:
    """`view` once `answer` (and the item's `finding`, or none) is committed and the draft
    stands at `current_item`: what `refresh` would read back, without reading it."""
    code = answer.item_code
    answers = {**view.answers, code: answer}
    findings = {c: f for c, f in view.findings.items() if c != code}
    if finding is not None:
        findings[code] = finding
    view.inspection.current_item = current_item
    fresh = InspectionView(
        view.inspection, view.venue, view.checklist, answers, findings, view.context
    )
    fresh.campaigns = view.campaigns
    fresh.state = form_state(view.checklist, fresh.given(), view.context)
    return fresh


def context_for(venue: Venue, checklist: Checklist, applied: list[Applied]) -> Context:
    """What the checklist's conditions see: the venue's attributes, the thresholds (the
    checklist's defaults, overridden by the office's settings), the campaigns the
    inspection started under with their phases, and the day."""
    params = {**checklist.params, **settings.checklist_params()}
    return Context(
        venue=dict(venue.attributes or {}),
        params=params,
        campaigns={a.campaign.code: a.phase for a in applied},
        today=today(),
    )


def summarize(inspection_id: str) -> Summary:
    """Progress over the items asked now: hidden items are not counted, not required and
    not failures (their answers stay in the record, marked hidden at submit)."""
    return summary_of(load(inspection_id))


def summary_of(view: InspectionView) -> Summary:
    visible = set(view.state.visible)
    answered = {code for code, a in view.answers.items() if a.outcome != "note" and code in visible}
    items = [view.checklist.item(code) for code in view.state.visible]  # RNT-04#3 too
    missing = [i.code for i in items if i.code in view.state.required and i.code not in answered]
    failures: dict[str, int] = {"general": 0, "major": 0}
    shown_findings = {c: f for c, f in view.findings.items() if c in visible}
    for finding in shown_findings.values():
        failures[finding.severity] = failures.get(finding.severity, 0) + 1
    missing_photos = []
    for item in items:
        answer = view.answers.get(item.code)
        if (
            answer is None
            or answer.photos
            or (shown_findings.get(item.code) and shown_findings[item.code].photos)
        ):
            continue
        if item.photo == "always" or (item.photo == "on_fail" and answer.outcome == "fail"):
            missing_photos.append(item.code)
    findings = sorted(shown_findings.values(), key=lambda f: (f.deadline, f.item_code))
    return Summary(len(items), len(answered), missing, failures, findings, missing_photos)
