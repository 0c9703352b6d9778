"""`fieldapp monthly-report`: a grid's monthly report (月报) with its assessment score,
written as XLSX and/or PDF from the local store.

    fieldapp monthly-report --grid T01 --month 2026-12 --xlsx 月报.xlsx --pdf 月报.pdf
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from fieldapp.cli.common import open_local_store, opening_personal_data


@click.command("monthly-report")
@click.option("--grid", "grid_code", default=None)
@click.option("--month", default=None)
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--pdf", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.pass_context
def monthly_report(
    ctx: click.Context, grid_code: str | None, month: str | None, xlsx: Path | None,
    pdf: Path | None,
) -> None:  # fmt: skip
    from fieldapp.domain.typed import no_such_day
    from fieldapp.i18n import language, t
    from fieldapp.services.common.identity import NotEnrolled
    from fieldapp.services.dashboard.monthly import (
        MonthNotStarted,
        export_monthly,
        monthly_report,
    )
    from fieldapp.store import close_store
    from fieldapp.store.models import Grid

    if (ctx.obj or {}).get("lang"):
        from fieldapp.i18n import set_language

        set_language(ctx.obj["lang"])
    if xlsx is None and pdf is None:
        raise click.ClickException(t("monthly.cli.no_output"))
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
    open_local_store()
    try:
        if grid_code is not None and Grid.get_or_none(Grid.code == grid_code) is None:
            raise click.ClickException(t("report.unknown_grid", grid=grid_code))
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
        try:
            written = export_monthly(report, xlsx=xlsx, pdf=pdf, lang=language())
        except OSError as error:
            raise click.ClickException(
                t("export.cannot_write", path=xlsx or pdf, error=error.strerror or error)
            ) from None
    finally:
        close_store()
    for path in written:
        click.echo(t("monthly.cli.written", path=path))
