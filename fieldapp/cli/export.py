"""`fieldapp export` (the ledger as CSV or XLSX) and `fieldapp report` (the day's report
for a grid), headless, on the local store."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from fieldapp.cli.checks import checked_out, fail, name_to_write, say_not_overwritten
from fieldapp.cli.common import (
    device_grid,
    known_grid,
    open_local_store,
    refuse_not_enrolled,
    unlock_personal_data,
)
from fieldapp.cli.params import LocalDate


def _language(ctx: click.Context) -> str:
    lang = (ctx.obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)
    return str(lang or "zh")


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True
)
@click.option("--out", required=True, type=click.Path(path_type=Path), callback=checked_out)
@click.option("--from", "first", type=LocalDate())
@click.option("--to", "last", type=LocalDate())
@click.option("--grid", default=None)
@click.option("--kind", default=None)
@click.option("--full-personal-data", is_flag=True)
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    out: Path,
    first: dt.datetime | None,
    last: dt.datetime | None,
    grid: str | None,
    kind: str | None,
    full_personal_data: bool,
) -> None:
    lang = _language(ctx)
    from fieldapp.i18n import listed, t
    from fieldapp.services.common.kinds import kind_names
    from fieldapp.services.export.ledger import ExportFilter, export_ledger
    from fieldapp.services.export.people_sheets import FullExportRefused, check_full_export
    from fieldapp.services.export.summary import export_summary
    from fieldapp.store import close_store

    if first and last and first > last:
        raise click.UsageError(t("export.range_reversed", first=first.date(), last=last.date()))
    from fieldapp.services.common.file_names import FORMATS
    from fieldapp.services.common.identity import NotEnrolled

    wanted, out = name_to_write(out, fmt, FORMATS)
    open_local_store()
    try:
        if grid is not None:  # v1 is the grid V1; one not here is refused before the PIN
            grid = known_grid(grid)
        if kind is not None:  # by code or by name, as the imports take it (足浴店)
            kinds = kind_names()
            kind = kinds.find(kind) or fail(
                t("cli.export.unknown_kind", kind=kind, known=listed(kinds.codes))
            )
        if full_personal_data:  # a role that may not is told before the PIN and purpose
            try:
                check_full_export()
            except FullExportRefused as refused:
                raise click.ClickException(str(refused)) from None
            except NotEnrolled:
                refuse_not_enrolled()
        unlock_personal_data()  # the people sheets open ID numbers and phones to mask them
        purpose = _ask_purpose() if full_personal_data else ("", "")
        with ExitStack() as stack:
            bar: Any = None
            shown = 0

            def progress(done: int, total: int) -> None:
                nonlocal bar, shown
                if bar is None:
                    bar = stack.enter_context(
                        click.progressbar(length=max(total, 1), label=t("export.progress"))
                    )
                bar.update(done - shown)
                shown = done

            try:
                result = export_ledger(
                    out,
                    fmt=fmt,
                    where=ExportFilter(_date(first), _date(last), grid, kind),
                    progress=progress,
                    lang=lang,
                    full_personal_data=full_personal_data,
                    purpose=purpose,
                )
            except FullExportRefused as refused:
                raise click.ClickException(str(refused)) from None
            except NotEnrolled:  # no device in this data directory: say where it looked
                refuse_not_enrolled()
            except OSError as error:
                raise click.ClickException(
                    t("export.cannot_write", path=out, error=error.strerror or error)
                ) from None
    finally:
        close_store()
    click.echo(export_summary(result, listed(str(p) for p in result.paths)))
    say_not_overwritten(wanted, out)


def _ask_purpose() -> tuple[str, str]:
    """The purpose of a full export, asked as the reveal dialog asks it (its purposes, its
    note, required and meaning something for Other) and kept in the export's record."""
    from fieldapp.domain.typed import says_something
    from fieldapp.i18n import t
    from fieldapp.services.people.reveal import OTHER_PURPOSE, PURPOSES, checked_note

    for number, purpose in enumerate(PURPOSES, start=1):
        click.echo(f"  {number}. {t(f'reveal_purpose.{purpose}')}", err=True)
    chosen = click.prompt(t("cli.export.purpose"), type=click.IntRange(1, len(PURPOSES)),
                          err=True, prompt_suffix="")  # fmt: skip
    purpose = PURPOSES[chosen - 1]
    while True:
        note = click.prompt(t("reveal_purpose.note"), default="", show_default=False,
                            err=True, prompt_suffix=" ").strip()  # fmt: skip
        if purpose != OTHER_PURPOSE or says_something(note):
            return purpose, checked_note(purpose, note)  # as a reveal keeps it
        click.echo(t("reveal_purpose.explain"), err=True)


@click.command()
@click.option("--grid", "grid_code", required=True)
@click.option("--zero", is_flag=True)
@click.option("--remarks", default="")
@click.option("--date", "day", type=LocalDate())
@click.pass_context
def report(
    ctx: click.Context, grid_code: str, zero: bool, remarks: str, day: dt.datetime | None
) -> None:
    _language(ctx)
    from fieldapp.i18n import t
    from fieldapp.services.common.identity import NotEnrolled
    from fieldapp.services.daily_report import reports as daily_reports
    from fieldapp.store import close_store
    from fieldapp.store.models import Grid

    open_local_store()
    try:
        grid = Grid.get_or_none(Grid.code == device_grid(grid_code))
        if grid is None:  # not on this device: a grid of another inspector, or a typo
            raise click.ClickException(_not_among_mine(grid_code))
        unlock_personal_data()  # the people figures count tags sealed at rest
        try:
            filed = daily_reports.file_report(
                grid_code, day=_date(day), remarks=remarks, zero_report=zero
            )
        except NotEnrolled:
            raise click.ClickException(t("export.not_enrolled")) from None
        except daily_reports.NotMyGrid:
            raise click.ClickException(_not_among_mine(grid_code)) from None
        except daily_reports.ZeroReportRefused as refused:
            # "请填报日报" said nothing of how, here: the same command without --zero.
            again = f"fieldapp report --grid {grid.code}"
            again += f" --date {_date(day)}" if day else ""
            text = t("cli.report.zero_refused", why=refused.text(), command=again)
            raise click.ClickException(text) from None
        except (daily_reports.ReportDayToCome, daily_reports.RemarksRefused) as refused:
            raise click.ClickException(refused.text()) from None
        click.echo(daily_reports.filed_text(filed, f"{grid.code} {grid.name}"))
    finally:
        close_store()


def _not_among_mine(grid_code: str) -> str:
    """The refusal of a report for a grid not this person's (or not on this device), with
    the grids they report for: "no grid V01" misled an inspector whose town has one."""
    from fieldapp.i18n import listed, t
    from fieldapp.services.common.identity import me

    grids = listed([f"{code} {name}" for code, name in me().grids])
    return t("report.not_among_mine", grid=grid_code, grids=grids)
