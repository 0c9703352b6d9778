"""`fieldapp admin alerts …`: who hears of what (rules) and what was sent (the outbox).

Attached to the `admin` group in `fieldapp.cli.server`; the rules and the delivery live in
`sync.server.alerts`.
"""

from __future__ import annotations

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import NegativeNumbers
from fieldapp.i18n import t

TRIGGERS = ("major_hazard", "hazard_overdue", "report_missing", "patrol_missed")
CHANNELS = ("wecom", "dingtalk", "webhook")


@click.group("alerts", invoke_without_command=True)
@click.option("--state", type=click.Choice(["pending", "sent", "failed"]), default=None)
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1, 10_000))
@click.pass_context
def alerts(ctx: click.Context, state: str | None, limit: int) -> None:
    from sync.server import db as server_db

    admin_call(server_db.add_missing_tables)
    if ctx.invoked_subcommand is not None:
        return
    from peewee import fn

    from sync.server.admin_models import AlertMessage, AlertRule

    def read() -> tuple[dict[str, int], list[tuple]]:
        counts = {s: 0 for s in ("sent", "pending", "failed")}
        grouped = AlertMessage.select(AlertMessage.state, fn.COUNT(AlertMessage.id))
        for value, count in server_db.rows(grouped.group_by(AlertMessage.state)):
            counts[value] = count
        query = AlertMessage.select(AlertMessage, AlertRule).join(AlertRule)
        if state:
            query = query.where(AlertMessage.state == state)
        rows = [
            (m.id, m.state, m.trigger, m.grid_code, m.rule.channel, m.attempts,
             m.sent_at or m.next_attempt_at, m.last_error)
            for m in query.order_by(AlertMessage.id.desc()).limit(limit)
        ]  # fmt: skip
        return counts, rows

    counts, rows = admin_call(read)
    click.echo(t("alerts.summary", **counts))
    if not rows:
        click.echo(t("alerts.none"))
    for id_, st, trigger, grid, channel, attempts, when, error in rows:
        line = f"#{id_}  {t(f'alerts.state.{st}'):6} {t(f'alerts.trigger.{trigger}')}  {grid}  "
        line += f"{channel}  ×{attempts}  {when}"
        click.echo(line + (f"  {error}" if error and st != "sent" else ""))


@alerts.command("rules")
def rules() -> None:
    from sync.server.admin_models import AlertRule

    found = admin_call(lambda: list(AlertRule.select().order_by(AlertRule.id)))
    if not found:
        click.echo(t("alerts.no_rules"))
    for rule in found:
        on = "on " if rule.enabled else "off"
        click.echo(
            f"#{rule.id}  {on}  {rule.grid_code}  {t(f'alerts.trigger.{rule.trigger}')}  "
            f"{rule.channel}  {rule.url}"
        )


@alerts.command("add-rule")
@click.option("--grid", "grid_code", required=True)
@click.option("--on", "trigger", required=True, type=click.Choice(TRIGGERS))
@click.option("--channel", required=True, type=click.Choice(CHANNELS))
@click.option("--url", required=True)
@click.option("--secret", default="")
def add_rule(grid_code: str, trigger: str, channel: str, url: str, secret: str) -> None:
    from sync.server.alerts.rules import add_rule as add

    rule_id = admin_call(lambda: add(grid_code, trigger, channel, url, secret=secret))
    click.echo(
        t("alerts.rule_added", id=rule_id, grid=grid_code, trigger=t(f"alerts.trigger.{trigger}"),
          channel=channel)
    )  # fmt: skip


@alerts.command("disable", cls=NegativeNumbers)  # -3 reaches "no alert rule #-3"
@click.argument("rule_id", type=int)
def disable(rule_id: int) -> None:
    from sync.server.alerts.rules import set_enabled

    if not admin_call(lambda: set_enabled(rule_id, False)):
        raise click.ClickException(t("alerts.rule_unknown", id=rule_id))
    click.echo(t("alerts.rule_disabled", id=rule_id))


@alerts.command("run")
def run_round() -> None:
    from sync.server.alerts.notice import notice_changes, notice_clock
    from sync.server.alerts.sender import deliver_pending

    def once() -> object:
        while notice_changes():
            pass
        notice_clock()
        return deliver_pending()

    result = admin_call(once)
    click.echo(t("alerts.round", sent=result.sent, failed=result.failed))


@alerts.command("retry")
def retry() -> None:
    from sync.server.alerts.sender import retry_failed

    click.echo(t("alerts.retried", count=admin_call(retry_failed)))
