"""Noticing causes and writing them to the alert outbox, each in its own transaction.

Two sources:
- the change log, read from a cursor kept in `meta` (`alerts_cursor`): a finding whose
  severity is major raises `major_hazard`. The feed's seq order is commit order (see
  `sync.server.feed`), so a cursor never skips a row; a rule hears only of changes made
  after it was created, so adding one does not replay the past.
- the clock, in the office's time zone (`FIELDAPP_OFFICE_TZ`, default Asia/Shanghai): a
  finding still open past its deadline raises `hazard_overdue` (once per deadline); a grid
  with people in it and no daily report by the deadline (`FIELDAPP_REPORT_DEADLINE`,
  default 18:00) raises `report_missing` (once per grid and day); a patrol window that is
  over with checkpoints not visited (空岗漏岗, judged as `fieldapp admin patrol-attendance`
  judges it) raises `patrol_missed` (once per route, day and window).

Every message's `dedupe_key` is unique, so two server processes noticing the same cause,
or one noticing it again after a crash, write it once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from typing import Any

from peewee import fn

from fieldapp.domain.finding_text import shown_description
from sync.server import db as server_db
from sync.server.admin_models import AlertMessage, AlertRule
from sync.server.alerts.cursor import read_cursor, write_cursor
from sync.server.alerts.rules import enabled_rules
from sync.server.grid_tree import grids_under
from sync.server.models import (
    ChangeLog,
    DailyReport,
    Finding,
    Grid,
    Inspection,
    Person,
    PersonGrid,
    Venue,
)
from sync.server.office_time import office_zone
from sync.server.published_items import published_item

PAGE = 1000


def report_deadline() -> dt.time:
    text = os.environ.get("FIELDAPP_REPORT_DEADLINE", "18:00")
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return dt.time(18, 0)


def notice_changes() -> int:
    """Read the change log past the cursor; write the messages it causes. Returns how many
    change rows were read (0 when caught up)."""
    with server_db.write_transaction():
        cursor = read_cursor()
        rows = server_db.rows(
            ChangeLog.select(ChangeLog.seq, ChangeLog.type, ChangeLog.grid_code,
                             ChangeLog.payload, ChangeLog.at)
            .where(ChangeLog.seq > cursor)
            .order_by(ChangeLog.seq)
            .limit(PAGE)
        )  # fmt: skip
        if not rows:
            return 0
        rules = [r for r in enabled_rules() if r.trigger == "major_hazard"]
        if rules:
            covered = {r.id: grids_under(r.grid_code) for r in rules}
            for _seq, kind, grid_code, payload, at in rows:
                if kind != "finding" or grid_code is None:
                    continue
                record = json.loads(payload)
                if record.get("severity") != "major":
                    continue
                for rule in rules:
                    if grid_code in covered[rule.id] and at >= rule.created_at:
                        _enqueue(rule, f"finding:{record['id']}", grid_code,
                                 _finding_facts(record, grid_code))  # fmt: skip
        write_cursor(rows[-1][0])
        return len(rows)


def notice_clock(now: dt.datetime | None = None) -> int:
    """Overdue hazards and missing daily reports as of `now` (UTC). Returns messages written."""
    now = now or dt.datetime.now(dt.UTC)
    local = now.astimezone(office_zone())
    written = 0
    with server_db.write_transaction():
        for rule in enabled_rules():
            if rule.trigger == "hazard_overdue":
                written += _overdue(rule, local.date())
            elif rule.trigger == "report_missing" and local.time() >= report_deadline():
                written += _missing_reports(rule, local.date())
            elif rule.trigger == "patrol_missed":
                written += _missed_patrols(rule, local.replace(tzinfo=None))
    return written


def _overdue(rule: AlertRule, today: dt.date) -> int:
    grids = grids_under(rule.grid_code)
    found = (
        Finding.select(Finding, Venue)
        .join(Venue)
        .where(
            (Finding.state == "open")
            & (fn.COALESCE(Finding.current_deadline, Finding.deadline) < today.isoformat())
            & (Venue.grid.in_(sorted(grids)))
        )
    )
    written = 0
    for finding in found:
        grid_code = finding.venue.grid_code
        record = {
            "id": finding.id, "inspection_id": finding.inspection_id,
            "venue_id": finding.venue_id, "item_code": finding.item_code,
            "severity": finding.severity, "description": finding.description,
            "deadline": finding.current_deadline or finding.deadline,
            "created_by": finding.created_by,
            "created_at": finding.created_at,
        }  # fmt: skip
        key = f"overdue:{finding.id}:{record['deadline']}"
        written += _enqueue(rule, key, grid_code, _finding_facts(record, grid_code))
    return written


def _missing_reports(rule: AlertRule, day: dt.date) -> int:
    grids = grids_under(rule.grid_code)
    staffed = {code for (code,) in server_db.rows(PersonGrid.select(PersonGrid.grid).distinct())}
    filed = {
        code
        for (code,) in server_db.rows(
            DailyReport.select(DailyReport.grid).where(DailyReport.date == day.isoformat())
        )
    }
    written = 0
    for code in sorted((grids & staffed) - filed):
        facts = {"grid": _grid_name(code), "date": day.isoformat(),
                 "deadline": report_deadline().strftime("%H:%M")}  # fmt: skip
        written += _enqueue(rule, f"report:{code}:{day.isoformat()}", code, facts)
    return written


def _missed_patrols(rule: AlertRule, local_now: dt.datetime) -> int:
    """Windows of today (office time) that are over with a checkpoint not visited."""
    from sync.server.patrol_models import Checkpoint
    from sync.server.patrols import attendance

    grids = sorted(grids_under(rule.grid_code))
    today = local_now.date()
    written = 0
    for route, day, window, judged in attendance(today, today, grid_codes=grids, now=local_now):
        if not judged.missed_post:
            continue
        missed = judged.missed or tuple(route.checkpoints)
        names = {c.id: c.name for c in Checkpoint.select().where(Checkpoint.id.in_(missed))}
        facts = {
            "grid": _grid_name(route.grid_code), "route": route.name, "route_code": route.code,
            "date": day.isoformat(), "window": window.label, "status": judged.status,
            "missed": [names.get(i, i) for i in missed],
            "assignees": "、".join(_names(route.people) + ([route.team] if route.team else [])),
        }  # fmt: skip
        cause = f"patrol:{route.id}:{day.isoformat()}:{window.label}"
        written += _enqueue(rule, cause, route.grid_code, facts)
    return written


def _names(person_ids: list[str]) -> list[str]:
    found = {p.id: p.name for p in Person.select().where(Person.id.in_(person_ids))}
    return [found.get(i, i) for i in person_ids]


def _finding_facts(record: dict[str, Any], grid_code: str) -> dict[str, Any]:
    venue = Venue.get_or_none(Venue.id == record.get("venue_id"))
    person = Person.get_or_none(Person.id == record.get("created_by"))
    return {
        "grid": _grid_name(grid_code),
        "venue": venue.name if venue else "",
        "venue_code": venue.code if venue else "",
        "item_code": record.get("item_code", ""),
        "severity": record.get("severity", ""),
        "description": _description(record),
        "deadline": record.get("deadline") or "",
        "reported_by": person.name if person else "",
        "finding_id": record.get("id", ""),
    }


def _description(record: dict[str, Any]) -> str:
    """The hazard's description as the message (written in Chinese) says it: one generated
    from its check item in English ("Not met: …") is said in Chinese, the item found in the
    published checklist the inspection used or in a campaign it was inspected under; typed
    text as typed."""
    description = str(record.get("description", ""))
    inspection = Inspection.get_or_none(Inspection.id == record.get("inspection_id"))
    if not description or inspection is None:
        return description
    item = published_item(
        inspection.checklist_id, inspection.checklist_version, inspection.summary,
        str(record.get("item_code", "")),
    )  # fmt: skip
    return shown_description(description, item.zh, item.en, "zh") if item else description


def _grid_name(code: str) -> str:
    grid = Grid.get_or_none(Grid.code == code)
    return grid.name if grid else code


def _enqueue(rule: AlertRule, cause: str, grid_code: str, facts: dict[str, Any]) -> int:
    now = server_db.now_iso()
    query = AlertMessage.insert(
        rule=rule.id,
        dedupe_key=f"{rule.id}:{rule.trigger}:{cause}",
        trigger=rule.trigger,
        grid_code=grid_code,
        facts=facts,
        next_attempt_at=now,
        created_at=now,
    ).on_conflict_ignore()
    return int(query.as_rowcount().execute() or 0)


def pending_ids(limit: int = 50) -> Iterable[int]:
    now = server_db.now_iso()
    query = (
        AlertMessage.select(AlertMessage.id)
        .where(
            (AlertMessage.state == "pending")
            & (AlertMessage.next_attempt_at <= now)
            & (AlertMessage.lease_until < now)
        )
        .order_by(AlertMessage.id)
        .limit(limit)
    )
    return [int(i) for (i,) in server_db.rows(query)]
