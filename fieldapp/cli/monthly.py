"""`fieldapp monthly-report`: a grid's monthly report (月报) with its assessment score,
written as XLSX and/or PDF from the local store.

    fieldapp monthly-report --grid T01 --month 2026-12 --xlsx 月报.xlsx --pdf 月报.pdf
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from fieldapp.cli.checks import checked_out, fail, name_to_write, say_not_overwritten
from fieldapp.cli.common import known_grid, open_local_store, opening_personal_data


# Both files are checked before either is written (`checked_out`, then `name_to_write`):
# a --pdf nowhere stopped the command after the workbook was written.
def _file(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(name, type=click.Path(path_type=Path), callback=checked_out)


@click.command("monthly-report")
@click.option("--grid", "grid_code", default=None)
@click.option("--month", default=None)
@_file("--xlsx")
@_file("--pdf")
@click.pass_context
def monthly_report(
    ctx: click.Context, grid_code: str | None, month: str | None, xlsx: Path | None,
    pdf: Path | None,
) -> None:  # fmt: skip
    from fieldapp.domain.typed import no_such_day
    from fieldapp.i18n import language, t
    from fieldapp.services.common.identity import NotEnrolled
    from fieldapp.services.dashboard.monthly import (
        MonthBeforeRecords,
        MonthNotStarted,
        export_monthly,
        monthly_report,
    )
    from fieldapp.store import close_store

    if (ctx.obj or {}).get("lang"):
        from fieldapp.i18n import set_language

        set_language(ctx.obj["lang"])
    day = None
    if month:
        try:
            day = dt.date.fromisoformat(f"{month.strip()}-01")
        except ValueError:
            # Written right but no such month (2026-13): say so, as a date option does.
            said = no_such_day(f"{month.strip()}-01")
            if said:
                text = t("date.no_such_day_option", option="--month", value=month, said=said)
                raise click.UsageError(text, ctx) from None
            raise click.UsageError(t("monthly.cli.month_invalid", value=month), ctx) from None
    # The month is checked first: a wrong --month was said only once the file was named.
    if xlsx is None and pdf is None:
        raise click.ClickException(t("monthly.cli.no_output"))
    # Each name by the export's rules: its format's extension, and a name taken kept.
    files = {fmt: name_to_write(path, fmt) for fmt, path in (("xlsx", xlsx), ("pdf", pdf))
             if path is not None}  # fmt: skip
    open_local_store()
    try:
        if grid_code is not None:  # v1 is the grid V1
            grid_code = known_grid(grid_code)
            _within_this_device(grid_code)
        try:
            report = opening_personal_data(lambda: monthly_report(grid_code, day))
        except NotEnrolled:
            raise click.ClickException(t("export.not_enrolled")) from None
        except MonthNotStarted as error:
            raise click.ClickException(
                t(
                    "monthly.cli.month_not_started",
                    month=f"{error.first:%Y-%m}",
                    today=error.day.isoformat(),
                )
            ) from None
        except MonthBeforeRecords as error:
            raise click.ClickException(
                t(
                    "monthly.cli.month_before_records",
                    month=f"{error.first:%Y-%m}",
                    first=f"{error.first_record:%Y-%m}",
                )
            ) from None
        written: list[Path] = []
        for fmt, (_, out) in files.items():
            try:
                as_xlsx, as_pdf = (out, None) if fmt == "xlsx" else (None, out)
                written += export_monthly(report, xlsx=as_xlsx, pdf=as_pdf, lang=language())
            except OSError as error:
                for path in written:  # all or nothing
                    path.unlink(missing_ok=True)
                fail(t("export.cannot_write", path=out, error=error.strerror or error))
    finally:
        close_store()
    for wanted, out in files.values():
        click.echo(t("monthly.cli.written", path=out))
        say_not_overwritten(wanted, out)


def _within_this_device(grid_code: str) -> None:
    """Refuse a grid wider than the grids this device is enrolled for: an inspector's device
    holds its own grids' records only, so the town's report there counted 5 venues and no
    report day where the supervisor's counted 6 and 1, with nothing saying why."""
    from fieldapp.i18n import listed, t
    from fieldapp.services.common.identity import NotEnrolled, grid_codes_under, me

    try:
        mine = me().grids
    except NotEnrolled:
        return  # said by the report itself
    if mine and grid_code not in grid_codes_under([code for code, _ in mine]):
        grids = listed(f"{code} {name}" for code, name in mine)
        fail(t("monthly.cli.beyond_device", grid=grid_code, mine=grids))
