"""Campaigns on the server: publish a definition, switch it on or off, set its phase.

Every change appends one `campaign` feed entry visible to every device: the definition
the office runs and its run (on, phase, dates, grids). Devices decide per venue whether
it applies (its grid on the path to a campaign grid, today within the dates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from fieldapp.domain import clock
from fieldapp.domain.campaigns import Campaign as CampaignDoc
from fieldapp.domain.campaigns import has_ended
from fieldapp.domain.campaigns_toml import load_campaign_text
from fieldapp.domain.office_files import read_text
from fieldapp.domain.typed import no_such_day
from fieldapp.domain.wording import said
from fieldapp.i18n import language, listed, written_in
from sync.protocol import payload_hash
from sync.server import db as server_db
from sync.server.admin_models import Campaign, CampaignRun
from sync.server.campaign_item_codes import item_clashes
from sync.server.feed import NewChange, append_changes
from sync.server.grid_codes import stored_grid_codes
from sync.server.office import known_kinds
from sync.server.office_time import office_today


class CampaignError(ValueError):
    """A switch the office asked for that cannot be done. It holds a catalogue key
    (`campaign.admin.*`) and its values: `str()` words it in the reader's language (the
    CLI's `--lang`), `english()` for a device's refusal and the logs."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(said(key, **values))

    def __str__(self) -> str:
        return str(self.args[0])

    def english(self) -> str:
        with written_in("en"):
            return str(self)


@dataclass(frozen=True)
class PhaseNames:
    """A campaign's phases as the reader of a refusal names them: 无病例、有病例 in
    Chinese, 'No cases', 'Cases' in English (the Chinese where the file gives none)."""

    definition: CampaignDoc
    only: tuple[str, ...] | None = None  # these of its phases; None: all of them

    def __str__(self) -> str:
        lang = language()
        phases = self.definition.phases if self.only is None else self.only
        names = [self.definition.phase_name(phase, lang) for phase in phases]
        return listed(names if lang == "zh" else [f"'{name}'" for name in names], lang)


@dataclass(frozen=True)
class CampaignState:
    code: str
    version: int
    zh: str
    en: str
    phases: tuple[str, ...]
    phases_en: tuple[str, ...]
    active: bool
    phase: str
    starts_on: str
    ends_on: str
    grids: tuple[str, ...]


def publish_campaign(path: Path | str) -> tuple[CampaignDoc, bool]:
    """Validate and publish one definition version; (definition, newly published)."""
    path = Path(path)
    text = read_text(path)  # FileProblem: missing, not UTF-8 (a BOM is fine)
    doc = load_campaign_text(text, path.name, kinds=known_kinds())
    if clashes := item_clashes(doc):
        clash = clashes[0]  # devices could not tell the two items apart: answers would mix
        raise CampaignError(
            "campaign.admin.item_clash",
            file=path.name,
            item=clash.item,
            kind=clash.kind,
            checklist=clash.checklist,
        )
    body = doc.to_dict()
    digest = payload_hash(body)
    with server_db.write_transaction():
        existing = Campaign.get_or_none(
            (Campaign.code == doc.code) & (Campaign.version == doc.version)
        )
        if existing is not None:
            if existing.sha256 != digest:
                raise CampaignError(
                    "campaign.admin.changed",
                    code=doc.code,
                    version=doc.version,
                    next=_next_version(doc.code),
                    file=path.name,
                )
            return doc, False
        run = CampaignRun.get_or_none(CampaignRun.code == doc.code)
        if run is not None and run.active and run.phase and run.phase not in doc.phases:
            _refuse_dropped_phase(doc, run, path.name)
        Campaign.create(
            code=doc.code,
            version=doc.version,
            body=body,
            sha256=digest,
            published_at=server_db.now_iso(),
        )
        if run is not None:
            run.version = doc.version  # the office runs the newest definition
            run.updated_at = server_db.now_iso()
            run.save()
        append_changes([campaign_change(doc.code)])
    return doc, True


def _refuse_dropped_phase(doc: CampaignDoc, run: CampaignRun, file: str) -> None:
    """A running campaign's new version without the phase it is in: devices would run
    no phase of the new version while the office's list still said the old one."""
    running = CampaignDoc.from_dict(
        Campaign.get((Campaign.code == doc.code) & (Campaign.version == run.version)).body
    )
    shared = tuple(p for p in running.phases if p in doc.phases)
    key = "campaign.admin.phase_dropped" if shared else "campaign.admin.phase_dropped_keep"
    raise CampaignError(
        key,
        code=doc.code,
        version=doc.version,
        file=file,
        phase=PhaseNames(running, (run.phase,)),
        shared=PhaseNames(running, shared),
    )


def _next_version(code: str) -> int:
    newest = Campaign.select(fn.MAX(Campaign.version)).where(Campaign.code == code)
    return int(newest.scalar() or 0) + 1


def _newest(code: str) -> Campaign:
    row = Campaign.select().where(Campaign.code == code).order_by(Campaign.version.desc()).first()
    if row is None:
        known = sorted({c.code for c in Campaign.select(Campaign.code)})
        if not known:
            raise CampaignError("campaign.admin.unknown_none", code=code)
        raise CampaignError("campaign.admin.unknown", code=code, known=known)
    return row


def switch(
    code: str,
    *,
    active: bool,
    phase: str | None = None,
    starts_on: str | None = None,
    ends_on: str | None = None,
    grids: list[str] | None = None,
) -> CampaignState:
    """Switch a campaign on (with its phase, dates and grids) or off; devices pull it.

    Values not given stay as they were (a phase change keeps the dates and grids), except
    that switching on a campaign that is off starts a new run: its dates are the
    definition's and it covers every grid unless given (see `switch_run`)."""
    with server_db.write_transaction():
        state = switch_run(
            code, active=active, phase=phase, starts_on=starts_on, ends_on=ends_on, grids=grids
        )
        append_changes([campaign_change(code)])
    return state


def switch_run(
    code: str,
    *,
    active: bool,
    phase: str | None = None,
    starts_on: str | None = None,
    ends_on: str | None = None,
    grids: list[str] | None = None,
) -> CampaignState:
    """The switch itself, inside the caller's transaction; the caller appends the feed
    entry (`campaign_change`).

    Switching on a campaign that is off begins a new run, as the first start does: the
    dates and grids of the run it stopped are not carried over (started with no dates, it
    has the definition's, not last month's), while its phase is kept, since the office
    may set the phase while it is off (`campaign phase`) before starting it."""
    definition = CampaignDoc.from_dict(_newest(code).body)
    held = CampaignRun.get_or_none(CampaignRun.code == code)
    run = held or CampaignRun(code=code, version=definition.version, grids=[])
    if held is None or (active and not held.active):
        run.starts_on, run.ends_on, run.grids = definition.starts_on, definition.ends_on, []
    if phase is not None:
        if definition.phases:
            named = definition.phase_named(phase)
            if named is None:
                raise CampaignError(
                    "campaign.admin.no_phase", code=code, phase=phase, phases=PhaseNames(definition)
                )
            phase = named  # stored as the file writes it: conditions name it so
        run.phase = phase
    elif active and definition.phases and not run.phase:
        run.phase = definition.phases[0]
    for name, option, value in (("starts_on", "--from", starts_on), ("ends_on", "--to", ends_on)):
        if value is not None:
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    missing = no_such_day(value)  # 2026-02-30: said as every date field says it
                    if missing:
                        raise CampaignError(
                            "date.no_such_day_option", option=option, value=value, said=missing
                        ) from None
                    raise CampaignError(
                        "campaign.admin.not_a_date", option=option, value=value
                    ) from None
            setattr(run, name, value)
    if run.starts_on and run.ends_on and run.starts_on > run.ends_on:
        raise CampaignError(
            "campaign.admin.ends_before_start", starts=run.starts_on, ends=run.ends_on
        )
    starting = held is None or not held.active
    if active and (starting or ends_on) and has_ended(run.ends_on, office_today()):
        # devices would not run it (its end has passed), while the office read 进行中
        raise CampaignError("campaign.admin.ends_past", ends=run.ends_on, today=_today())
    if grids is not None:
        stored = stored_grid_codes()  # t1 is the grid T1
        unknown = [g for g in grids if g.strip().upper() not in stored]
        if unknown:
            raise CampaignError("campaign.admin.unknown_grids", grids=unknown)
        run.grids = [stored[g.strip().upper()] for g in grids]
    run.version = definition.version
    run.updated_at = server_db.now_iso()
    run.periods = switched(list(run.periods or ()), was=bool(held and held.active), now=active)
    run.active = active
    run.save(force_insert=held is None)
    return _state(definition, run)


def switched(periods: list[list[str]], *, was: bool, now: bool) -> list[list[str]]:
    """A run's periods after a switch from on (`was`) to on (`now`): switching on opens
    one, switching off closes the open one, at the server's time (the clock that orders)."""
    at = clock.now_iso()
    if now and not was:
        return [*periods, [at, ""]]
    if was and not now and periods and not periods[-1][1]:
        return [*periods[:-1], [periods[-1][0], at]]
    return periods


def _today() -> str:
    return office_today().isoformat()


def _state(definition: CampaignDoc, run: CampaignRun | None) -> CampaignState:
    return CampaignState(
        code=definition.code,
        version=definition.version,
        zh=definition.zh,
        en=definition.en,
        phases=definition.phases,
        phases_en=definition.phases_en,
        active=bool(run and run.active),
        phase=run.phase if run else "",
        starts_on=run.starts_on if run else definition.starts_on,
        ends_on=run.ends_on if run else definition.ends_on,
        grids=tuple(run.grids or ()) if run else (),
    )


def list_campaigns() -> list[CampaignState]:
    codes = sorted({c.code for c in Campaign.select(Campaign.code)})
    found = []
    for code in codes:
        definition = CampaignDoc.from_dict(_newest(code).body)
        found.append(_state(definition, CampaignRun.get_or_none(CampaignRun.code == code)))
    return found


def campaign_change(code: str) -> NewChange:
    """The feed entry of a campaign: the definition the office runs and its run."""
    run = CampaignRun.get_or_none(CampaignRun.code == code)
    if run is not None:
        definition = Campaign.get((Campaign.code == code) & (Campaign.version == run.version))
    else:
        definition = _newest(code)
    record = {
        "code": code,
        "version": definition.version,
        "definition": definition.body,
        "sha256": definition.sha256,
        "active": bool(run and run.active),
        "phase": run.phase if run else "",
        "starts_on": run.starts_on if run else "",
        "ends_on": run.ends_on if run else "",
        "grids": list(run.grids or ()) if run else [],
        "updated_at": run.updated_at if run else definition.published_at,
        "periods": list(run.periods or ()) if run else [],
    }
    return NewChange("campaign", code, record, grid_code=None)
