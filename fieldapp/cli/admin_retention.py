"""`fieldapp admin retention`: delete what is past its retention period (follow-ups that
ended, people who left), on the server and — through the feed — on every device.

It first says what it would delete and asks; `--yes` deletes without asking, as a daily
cron job runs it (`fieldapp admin retention --yes`). Attached to the `admin` group in
`fieldapp.cli.server`; the rules are `fieldapp.domain.retention`, the deletion
`sync.server.retention`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import LocalDate
from fieldapp.domain import retention as rules
from fieldapp.i18n import counts, t

if TYPE_CHECKING:
    from sync.server.retention import RetentionReport


@click.command("retention")
@click.option("--keep-days", default=rules.DEFAULT_KEEP_DAYS, show_default=True,
              type=click.IntRange(rules.SHORTEST_KEEP_DAYS, rules.LONGEST_KEEP_DAYS))  # fmt: skip
@click.option("--today", default=None, type=LocalDate())
@click.option("--yes", is_flag=True)
def admin_retention(keep_days: int, today: dt.datetime | None, yes: bool) -> None:
    from sync.server.office_time import office_today
    from sync.server.retention import preview_retention, run_retention

    day = today.date() if today else office_today()  # a server on UTC is hours off
    kept = t("admin.retention.kept", count=keep_days)
    if not yes:
        preview = admin_call(lambda: preview_retention(today=day, keep_days=keep_days))
        if preview.nothing:
            click.echo(t("admin.retention.nothing", kept=kept))
            return
        click.echo(t("admin.retention.would", counts=_counts(preview), kept=kept))
        if not click.confirm(t("admin.retention.confirm"), default=False):
            click.echo(t("admin.retention.not_deleted"))
            return
    report = admin_call(lambda: run_retention(today=day, keep_days=keep_days))
    click.echo(t("admin.retention.done", counts=_counts(report), kept=kept))


def _counts(report: RetentionReport) -> str:
    return counts(
        ("admin.retention.count.plans", len(report.plans)),
        ("admin.retention.count.readings", report.readings),
        ("admin.retention.count.people", len(report.people)),
        ("admin.retention.count.households", len(report.households)),
    )
