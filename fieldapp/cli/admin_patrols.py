"""`fieldapp admin patrol-attendance`: patrol attendance as the server computes it;
`fieldapp admin patrol-close`: the office closes a run nobody will finish.

A header line naming the columns, then one line per route, day and window, missed posts
(空岗漏岗) first, tab-separated: day, window, grid, route, attendance, visited/total, and
the codes of the checkpoints missed and visited late.
Judged at the server's wall clock, by the rules a supervisor's device uses.

A run whose device is lost, of a person with no other device to take it over on
(`services.patrols.take_over`), would keep its window open for ever: the office closes it
as abandoned (`sync.server.patrols.close_abandoned`), its visits received counted. Both
are attached to the `admin` group in `fieldapp.cli.server`.
"""

from __future__ import annotations

import datetime as dt

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import LocalDate
from fieldapp.i18n import listed, t

COLUMNS = ("day", "window", "grid", "route", "status", "done", "missed", "late")


@click.command("patrol-attendance")
@click.option("--from", "first", required=True, type=LocalDate())
@click.option("--to", "last", type=LocalDate())
@click.option("--grid", "grid_code")
def patrol_attendance(first: dt.datetime, last: dt.datetime | None, grid_code: str | None) -> None:
    from fieldapp.domain import patrols
    from sync.server import patrols as server_patrols
    from sync.server.grid_codes import stored_grid
    from sync.server.office_time import office_now
    from sync.server.patrol_models import Checkpoint
    from sync.server.placard_keys import grids_under

    if last and first > last:  # said as the export says it
        raise click.UsageError(t("export.range_reversed", first=first.date(), last=last.date()))

    def read() -> list[str]:
        grid = None if grid_code is None else stored_grid(grid_code)  # v1 is the grid V1
        if grid_code is not None and grid is None:
            raise click.ClickException(t("report.unknown_grid", grid=grid_code))
        grids = grids_under(grid) if grid else None
        judged = server_patrols.attendance(
            first.date(), (last or first).date(), grid_codes=grids, now=office_now()
        )
        codes = {c.id: c.code for c in Checkpoint.select(Checkpoint.id, Checkpoint.code)}
        judged.sort(key=lambda j: (patrols.sort_key(j[3].status), j[1], j[2], j[0].code))
        return [
            "\t".join([
                day.isoformat(), window.label, route.grid_code, route.code,
                t(f"patrol.status.{verdict.status}"),
                f"{len(verdict.done)}/{len(route.checkpoints)}",
                ",".join(codes.get(c, c) for c in verdict.missed),
                ",".join(codes.get(c, c) for c in verdict.late),
            ])
            for route, day, window, verdict in judged
        ]  # fmt: skip

    lines = admin_call(read)
    if not lines:
        click.echo(t("patrol.attendance.none"))
        return
    click.echo("\t".join(t(f"patrol.attendance.col.{column}") for column in COLUMNS))
    for line in lines:
        click.echo(line)


@click.command("patrol-close")
@click.option("--route", "route_code", required=True)
@click.option("--day", required=True, type=LocalDate())
@click.option("--window", required=True)
def patrol_close(route_code: str, day: dt.datetime, window: str) -> None:
    from fieldapp.domain import patrols
    from sync.server import patrols as server_patrols
    from sync.server.models import Person
    from sync.server.patrol_models import PatrolRoute, PatrolScan

    def close() -> list[str]:
        from peewee import fn

        # dm-fw finds DM-FW, as a venue's code is found whatever its case
        route = PatrolRoute.get_or_none(fn.UPPER(PatrolRoute.code) == route_code.strip().upper())
        if route is None:
            raise click.ClickException(t("patrol.close.unknown_route", route=route_code))
        windows = [w.label for w in patrols.Schedule.from_dict(route.schedule or {}).windows]
        try:
            label = patrols.Window.parse(window).label  # 6:30-9:00 is 06:30-09:00
        except patrols.ScheduleError:
            label = window
        closed = server_patrols.close_abandoned(route, day.date().isoformat(), label)
        if not closed and label not in windows:  # runs of a window since dropped still close
            raise click.ClickException(t("patrol.close.no_such_window", route=route.code,
                                         window=window, windows=listed(windows)))  # fmt: skip
        lines = []
        for run in closed:
            person = Person.get_or_none(Person.id == run.person)
            visits = PatrolScan.select().where(PatrolScan.run == run.id).count()
            lines.append(t("patrol.close.done", route=route.code, day=run.day, window=run.window,
                           person=person.name if person else run.person, visits=visits))  # fmt: skip
        return lines

    lines = admin_call(close)
    if not lines:
        click.echo(t("patrol.close.none", route=route_code, day=day.date(), window=window))
    for line in lines:
        click.echo(line)
