"""Alert rules: a trigger in a grid (and the grids below it) sent to one channel."""

from __future__ import annotations

from fieldapp.i18n import t
from sync.server import db as server_db
from sync.server.admin_models import AlertRule
from sync.server.alerts.cursor import start_cursor
from sync.server.grid_codes import stored_grid

TRIGGERS = ("major_hazard", "hazard_overdue", "report_missing", "patrol_missed")
CHANNELS = ("wecom", "dingtalk", "webhook")


class RuleRefused(ValueError):
    """A rule that cannot work as given; the message says what to change."""


def add_rule(grid_code: str, trigger: str, channel: str, url: str, *, secret: str = "") -> int:
    """Add a rule and return its id. Needs a connection (the admin commands hold one)."""
    if trigger not in TRIGGERS:
        raise RuleRefused(f"unknown trigger {trigger!r}; use one of {', '.join(TRIGGERS)}")
    if channel not in CHANNELS:
        raise RuleRefused(f"unknown channel {channel!r}; use one of {', '.join(CHANNELS)}")
    if not url.startswith(("https://", "http://")):
        raise RuleRefused(t("admin.alerts.not_a_url", url=url))
    grid = stored_grid(grid_code)  # t1 is the grid T1
    if grid is None:
        raise RuleRefused(t("admin.no_grid", grid=grid_code))
    grid_code = grid
    with server_db.write_transaction():
        start_cursor()
        rule = AlertRule.create(
            grid_code=grid_code,
            trigger=trigger,
            channel=channel,
            url=url,
            secret=secret,
            created_at=server_db.now_iso(),
        )
    return int(rule.id)


def set_enabled(rule_id: int, enabled: bool) -> bool:
    with server_db.write_transaction():
        changed = AlertRule.update(enabled=enabled).where(AlertRule.id == rule_id).execute()
    return bool(changed)


def enabled_rules() -> list[AlertRule]:
    return list(AlertRule.select().where(AlertRule.enabled == True).order_by(AlertRule.id))  # noqa: E712
