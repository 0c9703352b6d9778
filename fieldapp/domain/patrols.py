"""Patrols (巡逻): checkpoints, a route's schedule, and attendance — the pure rules.

A route's schedule is data: `days` (weekday codes ``mon``…``sun``, ``daily``, or ISO dates
such as the fireworks key days 2026-02-04) and `windows` (local times, ``06:30-09:00``).
A window never crosses midnight. A route patrols from the day it starts (`starts_on`, set
by the office's import): a window before that is neither due nor missed, but a run made
for one (walked the day before, or on a device that had not yet heard of the start) is
kept and listed as `early`, so no walk vanishes. Attendance is judged per route, day and
window from the first scan of each checkpoint in the runs made for that window:

- on_time: every checkpoint scanned, none after the window's end;
- late: every checkpoint scanned, at least one after the end;
- partial: the window is over and some checkpoints were not scanned (missed posts);
- not_done: the window is over and nothing was scanned (every checkpoint missed);
- open: the window is open (or over with a run still coming) and the route not complete;
- upcoming: the window has not opened and nothing was visited yet;
- early: a run made before the route starts (what it visited, never a missed post).

The same function runs on the server and on a device after sync, so both say the same.
Times given to it are local wall-clock times (naive), as the schedule is.

Pure: no Peewee, no Textual.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from fieldapp.domain.campaign_switch import CampaignSwitch as CampaignSwitch
from fieldapp.domain.campaign_switch import in_campaign as in_campaign
from fieldapp.domain.campaign_switch import switched_periods as switched_periods
from fieldapp.domain.clock import utc_moment

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAILY = "daily"
_ZH_WEEKDAYS = {"一": "mon", "二": "tue", "三": "wed", "四": "thu", "五": "fri", "六": "sat",
                "日": "sun", "天": "sun"}  # fmt: skip
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_SPLIT = re.compile(r"[;,，；、\s]+")

# Attendance statuses, worst first (the order a supervisor reads them in).
NOT_DONE = "not_done"
PARTIAL = "partial"
LATE = "late"
ON_TIME = "on_time"
OPEN = "open"
UPCOMING = "upcoming"
EARLY = "early"  # walked before the route starts: kept and shown, neither due nor missed
STATUSES: tuple[str, ...] = (NOT_DONE, PARTIAL, LATE, ON_TIME, OPEN, UPCOMING, EARLY)
MISSED_STATUSES = (NOT_DONE, PARTIAL)
DONE_STATUSES = (ON_TIME, LATE)

# How a checkpoint was visited: a placard scan (as for venues) or manual with a reason.
SCAN_SOURCES: tuple[str, ...] = ("wedge", "camera", "typed", "manual")
MANUAL_REASONS: tuple[str, ...] = ("placard_missing", "placard_damaged", "scanner_broken", "other")
EARLY_START = dt.timedelta(minutes=30)  # a run may start this long before its window


class ScheduleError(ValueError):
    """A schedule that cannot be read: `key` (a catalogue key) and `values` say which
    part and why; str() words it in the current language."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(key)

    def __str__(self) -> str:
        from fieldapp.i18n import t

        return t(self.key, **self.values)


@dataclass(frozen=True, slots=True, order=True)
class Window:
    start: dt.time
    end: dt.time

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @classmethod
    def parse(cls, text: str) -> Window:
        parts = [p.strip() for p in re.split(r"[-–~～—至]", text.strip()) if p.strip()]
        if len(parts) != 2:
            raise ScheduleError("schedule.bad_window", text=text)
        start, end = (_time(p) for p in parts)
        if end <= start:
            raise ScheduleError("schedule.window_backwards", text=text)
        return cls(start, end)

    def opens_at(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.start)

    def closes_at(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.end)


def _time(text: str) -> dt.time:
    match = _TIME_RE.match(text)
    if match is None:
        raise ScheduleError("schedule.bad_time", text=text)
    return dt.time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True, slots=True)
class Schedule:
    days: tuple[str, ...]  # weekday codes, "daily", or ISO dates
    windows: tuple[Window, ...]

    @classmethod
    def parse(cls, days_text: str, windows_text: str) -> Schedule:
        """From an import's cells (`parse_days`, `parse_windows`)."""
        return cls(parse_days(days_text), parse_windows(windows_text))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Schedule:
        days = tuple(str(d) for d in data.get("days") or ())
        windows = tuple(Window.parse(str(w)) for w in data.get("windows") or ())
        return cls(days, windows)

    def to_dict(self) -> dict[str, list[str]]:
        return {"days": list(self.days), "windows": [w.label for w in self.windows]}

    def runs_on(self, day: dt.date) -> bool:
        return (
            DAILY in self.days
            or WEEKDAYS[day.weekday()] in self.days
            or (day.isoformat() in self.days)
        )

    def windows_on(self, day: dt.date) -> tuple[Window, ...]:
        return self.windows if self.runs_on(day) else ()


def parse_days(text: str) -> tuple[str, ...]:
    """``daily`` / ``mon;wed`` / ``周一;周三`` / ``2026-02-04;2026-02-05``, or ScheduleError."""
    days = tuple(dict.fromkeys(_day(p) for p in _SPLIT.split(text.strip()) if p))
    if not days:
        raise ScheduleError("schedule.no_days")
    return days


def parse_windows(text: str) -> tuple[Window, ...]:
    """``06:30-09:00;18:00-20:00``, in order and none overlapping, or ScheduleError."""
    windows = sorted(Window.parse(p) for p in _SPLIT.split(text.strip()) if p)
    if not windows:
        raise ScheduleError("schedule.no_windows")
    for before, after in zip(windows, windows[1:], strict=False):
        if after.start < before.end:
            raise ScheduleError("schedule.overlap", first=before.label, second=after.label)
    return tuple(windows)


def _day(text: str) -> str:
    lowered = text.lower()
    if lowered in (DAILY, "每天", "每日"):
        return DAILY
    if lowered[:3] in WEEKDAYS:
        return lowered[:3]
    zh = text.removeprefix("周").removeprefix("星期")
    if zh in _ZH_WEEKDAYS:
        return _ZH_WEEKDAYS[zh]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ScheduleError("schedule.bad_day", text=text) from None


def began(day: dt.date, starts_on: str) -> bool:
    """Had a route whose patrols start on `starts_on` (ISO date, "" = not known) begun by
    `day`? A window before a route existed is neither due nor missed."""
    return not starts_on or day.isoformat() >= starts_on


def first_day(first: dt.date, starts_on: str) -> dt.date:
    """The first day of a period from `first` on that a route starting on `starts_on`
    (ISO date, "" = not known) counts: the later of the two."""
    return max(first, dt.date.fromisoformat(starts_on)) if starts_on else first


def window_for_start(schedule: Schedule, now: dt.datetime) -> Window | None:
    """The window a run started at local time `now` is made for: the one open now, or
    the next one opening within EARLY_START; None when no window is near."""
    for window in schedule.windows_on(now.date()):
        if window.opens_at(now.date()) - EARLY_START <= now <= window.closes_at(now.date()):
            return window
    return None


def local_time(stamp: str, utc_offset: int) -> dt.datetime:
    """A UTC stamp as the naive local time of the device that made it (`utc_offset`:
    minutes east of UTC, as the run recorded it)."""
    moment = utc_moment(stamp).astimezone(dt.UTC)
    return (moment + dt.timedelta(minutes=utc_offset)).replace(tzinfo=None)


# --- attendance ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Visit:
    """One scan of a checkpoint in a run made for the window (local time)."""

    checkpoint_id: str
    at: dt.datetime
    manual: bool = False


@dataclass(frozen=True, slots=True)
class Attendance:
    status: str  # one of STATUSES
    done: tuple[str, ...] = ()  # checkpoint ids visited, in route order
    missed: tuple[str, ...] = ()  # not visited (only once the window is over)
    late: tuple[str, ...] = ()  # visited after the window's end
    manual: tuple[str, ...] = ()  # visited without a placard scan
    out_of_order: bool = False  # an ordered route walked in another order
    first_at: dt.datetime | None = None
    last_at: dt.datetime | None = None
    left: tuple[str, ...] = field(default=())  # not yet visited (while open)

    @property
    def missed_post(self) -> bool:
        return self.status in MISSED_STATUSES


def assess(
    checkpoints: Sequence[str],
    day: dt.date,
    window: Window,
    visits: Iterable[Visit],
    now: dt.datetime,
    *,
    ordered: bool = False,
    finished: bool = False,
) -> Attendance:
    """Attendance of one route for one window of one day, at local time `now`. A window
    whose run was `finished` is over however early: what was not visited is missed."""
    first: dict[str, Visit] = {}
    for visit in sorted(visits, key=lambda v: (v.manual, v.at)):  # a scan replaces a manual
        if visit.checkpoint_id in checkpoints and visit.checkpoint_id not in first:
            first[visit.checkpoint_id] = visit
    closes = window.closes_at(day)
    done = tuple(c for c in checkpoints if c in first)
    left = tuple(c for c in checkpoints if c not in first)
    late = tuple(c for c in done if first[c].at > closes)
    manual = tuple(c for c in done if first[c].manual)
    walked = [v.checkpoint_id for v in sorted(first.values(), key=lambda v: v.at)]
    out_of_order = ordered and walked != [c for c in checkpoints if c in first]
    times = [v.at for v in first.values()]
    common = {
        "done": done, "late": late, "manual": manual, "out_of_order": out_of_order,
        "first_at": min(times) if times else None, "last_at": max(times) if times else None,
    }  # fmt: skip
    if not left:
        return Attendance(LATE if late else ON_TIME, **common)  # type: ignore[arg-type]
    if not finished and now < window.opens_at(day) and not done:
        return Attendance(UPCOMING, left=left, **common)  # type: ignore[arg-type]
    if not finished and now <= closes:
        return Attendance(OPEN, left=left, **common)  # type: ignore[arg-type]
    return Attendance(PARTIAL if done else NOT_DONE, missed=left, **common)  # type: ignore[arg-type]


def sort_key(status: str) -> int:
    """Missed posts first, then late, on time, open, upcoming."""
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


R = TypeVar("R", bound="RouteLike")


class RouteLike(Protocol):
    """A route as the device's or the server's store holds it."""

    id: str
    active: bool  # off: no window of it is due any more (those walked stay)
    campaign: str
    starts_on: str  # ISO date the route's patrols begin; "" = not known (from before)
    ordered: bool
    checkpoints: list[str]
    schedule: dict[str, Any]


def judge(
    routes: Iterable[R],
    first: dt.date,
    last: dt.date,
    visits: Mapping[tuple[str, str, str], list[Visit]],
    campaigns: Mapping[str, CampaignSwitch],
    now: dt.datetime,
    finished: Collection[tuple[str, str, str]] = (),
) -> list[tuple[R, dt.date, Window, Attendance]]:
    """Attendance of each route for each of its windows from `first` to `last`, at local
    time `now`. `visits` holds the scans of the runs made for (route id, ISO day, window
    label); `finished` the windows whose runs were finished (none left open): over then,
    their checkpoints not visited missed. A route counts from the day it starts
    (`starts_on`), never before: a run made for a window before it is listed as EARLY,
    not lost; a campaign's route counts only for the windows that ended while the
    campaign was on (`CampaignSwitch.runs_at`).
    A window walked stays whatever the office changed since (route off, schedule,
    campaign): changes decide only windows nobody walked (an inactive route's: none)."""
    found: list[tuple[R, dt.date, Window, Attendance]] = []
    off = CampaignSwitch(False)
    walked: dict[str, list[tuple[str, str]]] = {}
    for route_id, iso, label in visits:
        walked.setdefault(route_id, []).append((iso, label))
    for route in routes:
        schedule = Schedule.from_dict(route.schedule or {})
        switch = campaigns.get(route.campaign, off)
        begin = first_day(first, route.starts_on)
        due: list[tuple[R, dt.date, Window, Attendance]] = []
        for day in (begin + dt.timedelta(days=n) for n in range((last - begin).days + 1)):
            if not route.active:
                continue
            for window in schedule.windows_on(day):
                if not switch.runs_at(day, window.closes_at(day), route.campaign):
                    continue
                key = (route.id, day.isoformat(), window.label)
                verdict = assess(route.checkpoints, day, window, visits.get(key, []), now,
                                 ordered=route.ordered, finished=key in finished)  # fmt: skip
                due.append((route, day, window, verdict))
        listed = {(day.isoformat(), window.label) for _, day, window, _ in due}
        within = (w for w in walked.get(route.id, ()) if first.isoformat() <= w[0] <= str(last))
        apart = [w for w in within if w not in listed]
        found.extend(_walked_apart(route, begin, apart, visits, now, finished))
        found.extend(due)
    return found


def _walked_apart(
    route: R,
    begin: dt.date,
    walked: Iterable[tuple[str, str]],
    visits: Mapping[tuple[str, str, str], list[Visit]],
    now: dt.datetime,
    finished: Collection[tuple[str, str, str]],
) -> list[tuple[R, dt.date, Window, Attendance]]:
    """The runs made for `route`'s windows `walked` that its schedule does not list:
    before the day it begins EARLY (what was visited, nothing missed: no window was due),
    later judged as walked (the window was due when it was walked)."""
    found = []
    for iso, label in sorted(walked):
        try:
            day, window = dt.date.fromisoformat(iso), Window.parse(label)
        except ValueError:  # not a window any device makes: nothing to judge it by
            continue
        key = (route.id, iso, label)
        verdict = assess(route.checkpoints, day, window, visits[key], now,
                         ordered=route.ordered, finished=key in finished)  # fmt: skip
        if day < begin:
            verdict = replace(verdict, status=EARLY, missed=(), left=())
        found.append((route, day, window, verdict))
    return found
