"""`fieldapp admin retention`: delete what is past its retention period (follow-ups that
ended, people who left), on the server and — through the feed — on every device.

Attached to the `admin` group in `fieldapp.cli.server`; the rules are
`fieldapp.domain.retention`, the deletion `sync.server.retention`. Run it daily (cron).
"""

from __future__ import annotations

import datetime as dt

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import LocalDate
from fieldapp.domain import retention as rules
from fieldapp.i18n import counts, t


@click.command("retention")
@click.option("--keep-days", default=rules.DEFAULT_KEEP_DAYS, show_default=True,
              type=click.IntRange(rules.SHORTEST_KEEP_DAYS, rules.LONGEST_KEEP_DAYS),
              help="Days a follow-up is kept after its last day, and a person after leaving.")  # fmt: skip
@click.option("--today", default=None, type=LocalDate(),
              help="The day to apply the rules on (default: today).")  # fmt: skip
def admin_retention(keep_days: int, today: dt.datetime | None) -> None:
    """Delete follow-ups and people past their retention period (audited)."""
    from sync.server.retention import run_retention

    day = today.date() if today else dt.date.today()
    report = admin_call(lambda: run_retention(today=day, keep_days=keep_days))
    click.echo(
        t(
            "admin.retention.done",
            counts=counts(
                ("admin.retention.count.plans", len(report.plans)),
                ("admin.retention.count.readings", report.readings),
                ("admin.retention.count.people", len(report.people)),
                ("admin.retention.count.households", len(report.households)),
            ),
            kept=t("admin.retention.kept", count=keep_days),
        )
    )
