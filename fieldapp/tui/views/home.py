"""The home screen's data as plain values, made in a worker thread (no lazy queries on
the UI thread)."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.domain.clock import wall_moment
from fieldapp.i18n import language, pick, t
from fieldapp.tui.views.due_list import DueRow, brief_date, due_rows

if TYPE_CHECKING:
    from fieldapp.domain.campaigns import Campaign

PAGE = 50


@dataclass(frozen=True)
class DraftRow:
    inspection_id: str
    venue_id: str
    venue: str
    code: str
    started: str  # local time, for people
    current_item: str
    started_brief: str  # "13:25" if started today, else "12-05": a narrow list's column


@dataclass(frozen=True)
class FindingRow:
    finding_id: str
    venue_id: str
    venue: str
    code: str
    item_code: str
    severity: str
    state: str
    deadline: dt.date
    overdue: bool
    deadline_brief: str  # "11-18" within half a year, else "2027-08-05": a narrow column


@dataclass(frozen=True)
class HomeView:
    """Everything the home screen shows, as plain values made in the worker thread."""

    name: str
    role: str
    grids: tuple[str, ...]  # names of my grids
    grid_codes: tuple[str, ...]  # my grids and every grid under them
    today: dt.date
    counts: dict[str, int]
    due: tuple[DueRow, ...]
    drafts: tuple[DraftRow, ...]
    findings: tuple[FindingRow, ...]
    overdue_findings: int
    unsynced: int
    due_offset: int = 0
    # On today in my grids, each with its phase: worded when shown (campaign_label), so a
    # language switch words it again (worded here, F9 left the banner in the old language).
    campaigns: tuple[tuple[Campaign, str], ...] = ()
    activities_due: int = 0  # scheduled activities due or overdue in my grids
    patrols: tuple[str, ...] = ()  # "春节烟花爆竹巡逻 06:30-09:00 1/4": due to me now
    never_synced: bool = False  # nothing downloaded yet: no venues to be due

    @property
    def due_total(self) -> int:
        return sum(self.counts.values())


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as local `MM-DD HH:MM` for people."""
    try:
        return wall_moment(stamp).strftime("%m-%d %H:%M")
    except ValueError:
        return stamp


def brief_local_time(stamp: str, today: dt.date) -> str:
    """A stored UTC timestamp in five cells: local `HH:MM` if it is on `today`, else the
    local `MM-DD` (the time of an earlier day matters less than which day it was)."""
    try:
        moment = wall_moment(stamp)
    except ValueError:
        return stamp
    return moment.strftime("%H:%M" if moment.date() == today else "%m-%d")


def build_home_view(page: int = PAGE) -> HomeView:
    """Read the home data (call in a worker thread: it queries the store)."""
    from fieldapp.services.common.identity import one_read

    with one_read():  # me() and my grids are asked by every service below: read once
        return _build_home_view(page)


def _build_home_view(page: int) -> HomeView:
    from fieldapp.services.inspection.active_findings import is_overdue
    from fieldapp.services.inspection.home import load_home
    from fieldapp.store.models import SyncState

    data = load_home(page=page)
    state = SyncState.get_or_none(SyncState.id == 1)
    day = data.today
    return HomeView(
        name=data.me.name,
        role=data.me.role,
        grids=tuple(name for _, name in data.me.grids),
        grid_codes=data.grid_codes,
        today=day,
        counts=dict(data.due_counts),
        due=due_rows(data.due, day),
        drafts=tuple(
            DraftRow(
                inspection_id=str(i.id),
                venue_id=str(i.venue.id),
                venue=i.venue.name,
                code=i.venue.code,
                started=local_time(i.started_at),
                current_item=i.current_item,
                started_brief=brief_local_time(i.started_at, day),
            )
            for i in data.drafts
        ),
        findings=tuple(
            FindingRow(
                finding_id=str(f.id),
                venue_id=str(f.venue.id),
                venue=f.venue.name,
                code=f.venue.code,
                item_code=f.item_code,
                severity=f.severity,
                state=f.state,
                deadline=f.current_deadline or f.deadline,
                overdue=is_overdue(f, day),
                deadline_brief=brief_date(f.current_deadline or f.deadline, day),
            )
            for f in data.open_findings
        ),
        overdue_findings=data.overdue_findings,
        unsynced=data.unsynced,
        campaigns=tuple((a.campaign, a.phase) for a in data.campaigns),
        activities_due=activities_due(day),
        patrols=patrol_labels(),
        never_synced=state is not None and not state.last_sync_at,
    )


# The view started at start-up (start_building_home_view), until the home screen takes it
_early: list[Future[HomeView]] = []


def start_building_home_view(page: int = PAGE) -> Future[HomeView]:
    """Read the home data and make its view in a thread now, while Textual is imported
    (the language must be set): the home screen's first frame takes it."""
    from fieldapp.store.db import db

    future: Future[HomeView] = Future()

    def build() -> None:
        try:
            with db.connection_context():
                future.set_result(build_home_view(page))
        except Exception as error:  # the screen then loads in its worker, which reports it
            future.set_exception(error)

    _early[:] = [future]
    threading.Thread(target=build, name="home-early", daemon=True).start()
    return future


def take_early_home_view(wait: float) -> HomeView | None:
    """The view made at start-up, waiting up to `wait` seconds for it; taken once. None
    when none was started, it is not ready in time, or reading it failed."""
    if not _early:
        return None
    future = _early.pop()
    futures.wait([future], timeout=wait)
    if not future.done() or future.exception() is not None:
        return None
    return future.result()


def activities_due(day: dt.date) -> int:
    """Scheduled activities due or overdue today in my grids (not those coming up)."""
    from fieldapp.services.activities.due import due_activities

    return sum(1 for d in due_activities(day) if d.status != "upcoming")


def patrol_labels() -> tuple[str, ...]:
    """The patrols due to me now, each as "name window done/total"."""
    from fieldapp.services.patrols import mine

    if not mine.any_for_me():  # most devices have none: the patrol rules stay unimported
        return ()
    from fieldapp.services.patrols.due import due_now

    return tuple(f"{p.name} {p.window} {p.done}/{p.total}" for p in due_now())


def campaign_label(campaign: Campaign, phase: str) -> str:
    """`疫情防控（有病例）` / `Epidemic control (Cases)`."""
    name = pick(campaign.zh, campaign.en)
    phase = campaign.phase_name(phase, language())
    return t("campaign.with_phase", name=name, phase=phase) if phase else name
