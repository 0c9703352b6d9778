"""`fieldapp admin campaign …`: the office publishes campaigns and switches them.

    fieldapp admin campaign publish assets/campaigns/epidemic.toml
    fieldapp admin campaign start epidemic --phase 有病例 --grid T01
    fieldapp admin campaign phase epidemic 社区传播
    fieldapp admin campaign stop epidemic
    fieldapp admin campaign list

Devices pull each change with their next sync. Attached to the `admin` group in
`fieldapp.cli.server`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import InputFile
from fieldapp.domain.campaigns import has_ended, phase_name
from fieldapp.i18n import language, pick, t

if TYPE_CHECKING:
    from sync.server.campaigns import CampaignState


@click.group("campaign")
def admin_campaign() -> None:
    from sync.server import db as server_db

    server_db.init_schema()


def _say(state: CampaignState) -> str:
    name = pick(state.zh, state.en)
    if not state.active:
        return t("campaign.admin.off", name=name, code=state.code)
    if state.grids:
        where = t("campaign.admin.in_grids", grids=", ".join(state.grids))
    else:  # 'all grids', not 'grids all grids'
        where = t("campaign.admin.in_all_grids")
    phase = phase_name(state.phases, state.phases_en, state.phase, language())  # No cases
    dates = _dates(state.starts_on, state.ends_on)
    from sync.server.office_time import office_today

    ended = has_ended(state.ends_on, office_today())  # on, but devices no longer run it
    return t(
        "campaign.admin.ended" if ended else "campaign.admin.on",
        name=name,
        code=state.code,
        phase=phase or "-",
        dates=dates,
        where=where,
    )


def _dates(starts: str | None, ends: str | None) -> str:
    if starts and ends:
        return t("campaign.admin.dates", starts=starts, ends=ends)
    if starts:
        return t("campaign.admin.dates_from", starts=starts)
    if ends:
        return t("campaign.admin.dates_until", ends=ends)
    return t("campaign.admin.dates_none")


@admin_campaign.command("publish")
@click.argument("file", type=InputFile())
def campaign_publish(file: Path) -> None:
    from sync.server import campaigns

    doc, new = admin_call(lambda: campaigns.publish_campaign(file))
    key = "campaign.admin.published" if new else "campaign.admin.published_same"
    click.echo(t(key, code=doc.code, version=doc.version))


@admin_campaign.command("start")
@click.argument("code")
@click.option("--phase", default=None)
@click.option("--from", "starts_on", default=None)
@click.option("--to", "ends_on", default=None)
@click.option("--grid", "grids", multiple=True)
def campaign_start(
    code: str, phase: str | None, starts_on: str | None, ends_on: str | None, grids: tuple[str, ...]
) -> None:
    from sync.server import campaigns

    held = {s.code: s for s in admin_call(campaigns.list_campaigns)}.get(code)
    if held is not None and held.active and not (phase or starts_on or ends_on or grids):
        # nothing to start, nothing sent to devices; with options it changes the run
        name = pick(held.zh, held.en)
        click.echo(t("campaign.admin.already_on", name=name, code=code))
        click.echo(_say(held))
        return
    state = admin_call(
        lambda: campaigns.switch(
            code,
            active=True,
            phase=phase,
            starts_on=starts_on,
            ends_on=ends_on,
            grids=list(grids) if grids else None,
        )
    )
    click.echo(_say(state))


@admin_campaign.command("phase")
@click.argument("code")
@click.argument("phase")
def campaign_phase(code: str, phase: str) -> None:
    from sync.server import campaigns

    states = {s.code: s for s in admin_call(campaigns.list_campaigns)}
    active = states[code].active if code in states else True
    state = admin_call(lambda: campaigns.switch(code, active=active, phase=phase))
    if state.active:
        click.echo(_say(state))
        return
    # Off, the phase is kept for its start: said, where "未开启" alone read as refused.
    named = phase_name(state.phases, state.phases_en, state.phase, language())
    name = pick(state.zh, state.en)
    click.echo(t("campaign.admin.phase_while_off", name=name, code=code, phase=named))


@admin_campaign.command("stop")
@click.argument("code")
def campaign_stop(code: str) -> None:
    from sync.server import campaigns

    held = {s.code: s for s in admin_call(campaigns.list_campaigns)}.get(code)
    if held is not None and not held.active:  # nothing to stop, nothing sent to devices
        name = pick(held.zh, held.en)
        click.echo(t("campaign.admin.already_off", name=name, code=code))
        return
    click.echo(_say(admin_call(lambda: campaigns.switch(code, active=False))))


@admin_campaign.command("list")
def campaign_list() -> None:
    from sync.server import campaigns

    states = admin_call(campaigns.list_campaigns)
    if not states:
        click.echo(t("campaign.admin.none"))
    for state in states:
        click.echo(_say(state))
