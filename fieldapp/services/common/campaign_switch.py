"""A supervisor switches campaigns from the device: what each campaign held is doing, and
a switch sent as one `campaign.switch` op.

The device does not change a campaign's run itself: the server decides (a supervisor may
switch a campaign that is off, or one running only in the supervisor's grids) and the
next pull brings the run back. Until then the line shows the switch as waiting; a switch
the server refused shows why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from peewee import DoesNotExist

from fieldapp.domain.campaigns import Campaign, left_out
from fieldapp.domain.clock import now_iso
from fieldapp.services.common import outbox
from fieldapp.services.common.campaigns import get_campaign, runs
from fieldapp.services.common.checklists import ChecklistNotFound, checklist_for_kind
from fieldapp.services.common.identity import me
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Grid, Outbox

OP_CAMPAIGN_SWITCH = "campaign.switch"  # sync.protocol.OP_CAMPAIGN_SWITCH
SWITCHING_ROLES = ("supervisor", "admin")


class SwitchRefused(PermissionError):
    """This person may not switch campaigns (an inspector's device)."""


@dataclass(frozen=True)
class CampaignLine:
    code: str
    zh: str
    en: str
    phases: tuple[str, ...]
    phases_en: tuple[str, ...]
    active: bool
    phase: str
    starts_on: str
    ends_on: str
    grids: tuple[str, ...]  # empty: every grid
    grid_names: tuple[str, ...] = ()  # the grids' names, as `grids` (a code not held: itself)
    # Where a switch of mine takes effect, by name (empty: every grid): the grids it runs
    # in, or, switching on one that is off, my own grids (the server's rule).
    switch_scope: tuple[str, ...] = ()
    towns: frozenset[str] = frozenset()  # which of those names are a whole town's grid
    waiting: tuple[bool, str] | None = None  # a switch not yet sent: (on, phase)
    refused: str = ""  # why the server refused the last switch, in the UI language
    # Items inspections leave out, their code being a kind's checklist's: (number, code).
    left_out: tuple[tuple[int, str], ...] = ()


def may_switch() -> bool:
    return me().role in SWITCHING_ROLES


def campaign_lines() -> list[CampaignLine]:
    """Every campaign the office published (its run pulled, on or off), with what the
    office (or a supervisor) switched and any switch of mine still waiting or refused; a
    definition only shipped with the app is not one a grid head can switch. Call in a
    worker."""
    by_code = {run.code: run for run in runs()}
    codes = sorted(by_code)
    waiting, refused = _my_switches()
    held = list(Grid.select(Grid.code, Grid.name, Grid.level))
    names = {grid.code: grid.name for grid in held}
    towns = frozenset(grid.name for grid in held if grid.level == "town")
    who = me()
    mine = tuple(name for _, name in who.grids)
    lines = []
    for code in codes:
        run = by_code[code]
        try:
            campaign = get_campaign(code, run.version)
        except DoesNotExist:
            continue  # the run arrived before its definition
        grids = tuple(run.grids)
        grid_names = tuple(names.get(grid, grid) for grid in grids)
        own = who.role != "admin" and not run.active
        lines.append(
            CampaignLine(
                code=code,
                zh=campaign.zh,
                en=campaign.en,
                phases=campaign.phases,
                phases_en=campaign.phases_en,
                active=run.active,
                phase=run.phase,
                starts_on=run.starts_on,
                ends_on=run.ends_on,
                grids=grids,
                grid_names=grid_names,
                switch_scope=mine if own else grid_names,
                towns=towns,
                waiting=waiting.get(code),
                refused=refused.get(code, ""),
                left_out=_left_out(campaign),
            )
        )
    return lines


def _left_out(campaign: Campaign) -> tuple[tuple[int, str], ...]:
    """The campaign's items the device's inspections leave out (`with_campaigns`): each
    coded as an item of the checklist of a kind it adds them to."""
    found: list[tuple[int, str]] = []
    for kind in dict.fromkeys(kind for part in campaign.sections for kind in part.kinds):
        try:
            checklist = checklist_for_kind(kind)
        except ChecklistNotFound:
            continue  # no venue of that kind is inspected on this device
        found += [(item.number, item.code) for item in left_out(checklist, kind, [campaign])]
    return tuple(sorted(dict.fromkeys(found)))


def _my_switches() -> tuple[dict[str, tuple[bool, str]], dict[str, str]]:
    """Per campaign: the last switch still waiting to be sent, and the reason of the last
    one refused (unless a later one was accepted)."""
    waiting: dict[str, tuple[bool, str]] = {}
    refused: dict[str, str] = {}
    query = Outbox.select().where(Outbox.type == OP_CAMPAIGN_SWITCH).order_by(Outbox.seq)
    for op in query:
        payload = json.loads(op.payload)
        code = str(payload.get("code", ""))
        if op.state == "pending":
            waiting[code] = (bool(payload.get("active")), str(payload.get("phase", "")))
        elif op.state == "rejected":
            refused[code] = reason_in_words(
                op.refusal_code, stored_params(op.refusal_params), op.last_error
            )
        else:
            refused.pop(code, None)
    return waiting, refused


def switch(code: str, *, active: bool, phase: str = "") -> None:
    """Send a switch (with the next sync): on in `phase` (the campaign's first by
    default), or off."""
    who = me()
    if who.role not in SWITCHING_ROLES:
        raise SwitchRefused(code)
    payload = {
        "code": code,
        "active": active,
        "phase": phase,
        "switched_by": who.person_id,
        "switched_at": now_iso(),
    }
    with write_transaction():
        outbox.enqueue(OP_CAMPAIGN_SWITCH, payload)
