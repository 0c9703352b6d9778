"""`fieldapp admin import-kinds / import-levels / setting …`: what the office shapes as
data on the server, pulled by devices with their next sync.

    fieldapp admin import-kinds kinds.csv
    fieldapp admin import-levels levels.csv
    fieldapp admin setting set cadence_days '{"foot_massage": 14}'
    fieldapp admin setting list

Attached to the `admin` group in `fieldapp.cli.server`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import InputFile, NegativeNumbers
from fieldapp.i18n import pick, t, text_in
from sync.server.headers import chinese_headers


def _schema() -> None:
    from sync.server import db as server_db

    server_db.init_schema()


def _import_command(name: str, table: str, function_name: str, columns: str) -> click.Command:
    what = text_in("en", f"import.table.{table}")
    also = f" Each may be headed by its Chinese name instead ({chinese_headers(table)})."

    @click.command(
        name, help=f"Import {what} from a CSV or XLSX file (all or nothing). {columns}{also}"
    )
    @click.argument("file", type=InputFile())
    def command(file: Path) -> None:
        from sync.server import office

        _schema()
        count = admin_call(lambda: getattr(office, function_name)(file))
        click.echo(t("admin.imported", count=count, what=t(f"import.table.{table}")))

    return command


import_kinds = _import_command(
    "import-kinds",
    "kinds",
    "import_kinds",
    "Columns: code, zh, en; optional prefix, cadence_days, precautions_zh, precautions_en "
    "(one per line, or separated by |), attributes (venue attributes its venues record, "
    "e.g. rooms;beds).",
)
import_levels = _import_command(
    "import-levels",
    "levels",
    "import_levels",
    "Columns: code, zh, en, depth (1 is the top); optional report_deadline (HH:MM).",
)


@click.group("setting")
def admin_setting() -> None:
    """Office settings devices pull: cadence_days, report_deadlines,
    report_reminder_minutes, checklist_params, activity_types, assessment_weights."""
    _schema()


# a negative VALUE (-5) is the value, not an option: it reaches the setting's own check
@admin_setting.command("set", cls=NegativeNumbers)
@click.argument("key")
@click.argument("value")
def setting_set(key: str, value: str) -> None:
    """Publish KEY with VALUE written as JSON, e.g. '{"foot_massage": 14}' or 45."""
    from sync.server import office

    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        raise click.BadParameter(
            t("admin.setting.not_json", error=error), param_hint="VALUE"
        ) from None
    admin_call(lambda: office.set_setting(key, parsed))
    click.echo(t("admin.setting.published", name=key, value=_show(parsed)))


@admin_setting.command("list")
def setting_list() -> None:
    """The office's settings, kinds and levels as published."""
    from sync.server import office

    published, kinds, levels = admin_call(
        lambda: (office.settings(), office.kinds(), office.levels())
    )
    for key, value in published.items():
        click.echo(f"{key} = {_show(value)}")
    for kind in kinds:
        click.echo(t("admin.kind.line", code=kind.code, name=pick(kind.zh, kind.en),
                     count=kind.cadence_days))  # fmt: skip
    for level in levels:
        click.echo(t("admin.level.line", code=level.code, name=pick(level.zh, level.en),
                     depth=level.depth))  # fmt: skip
    if not (published or kinds or levels):
        click.echo(t("admin.setting.none"))


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
