"""`fieldapp admin import-kinds / import-levels / setting …`: what the office shapes as
data on the server, pulled by devices with their next sync.

    fieldapp admin import-kinds kinds.csv
    fieldapp admin import-levels levels.csv
    fieldapp admin setting set cadence_days '{"hotel": 14}'
    fieldapp admin setting list

Attached to the `admin` group in `fieldapp.cli.server`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import InputFile, NegativeNumbers
from fieldapp.domain.office import VenueKind
from fieldapp.i18n import pick, t


def _schema() -> None:
    from sync.server import db as server_db

    server_db.init_schema()


def _import_command(name: str, table: str, function_name: str) -> click.Command:
    @click.command(name)  # its help, with the columns it reads: cli.help.admin.<name>
    @click.argument("file", type=InputFile())
    def command(file: Path) -> None:
        from sync.server import office

        _schema()
        count = admin_call(lambda: getattr(office, function_name)(file))
        click.echo(t("admin.imported", count=count, what=t(f"import.table.{table}")))

    return command


import_kinds = _import_command("import-kinds", "kinds", "import_kinds")
import_levels = _import_command("import-levels", "levels", "import_levels")


@click.group("setting")
def admin_setting() -> None:
    _schema()


# a negative VALUE (-5) is the value, not an option: it reaches the setting's own check
@admin_setting.command("set", cls=NegativeNumbers)
@click.argument("key")
@click.argument("value")
def setting_set(key: str, value: str) -> None:
    from sync.server import office

    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        # Python's own words are English and name the parser's expectation: say where
        text = t("admin.setting.not_json", line=error.lineno, column=error.colno)
        raise click.BadParameter(text, param_hint="VALUE") from None
    admin_call(lambda: office.set_setting(key, parsed))
    click.echo(t("admin.setting.published", name=key, value=_show(parsed)))


@admin_setting.command("list")
def setting_list() -> None:
    from sync.server import office

    published, kinds, levels = admin_call(
        lambda: (office.settings(), office.kinds(), office.levels())
    )
    for key, value in published.items():
        click.echo(f"{key} = {_show(value)}")
    for line in _cadence_lines(kinds, published.get("cadence_days") or {}):
        click.echo(line)
    for level in levels:
        click.echo(t("admin.level.line", code=level.code, name=pick(level.zh, level.en),
                     depth=level.depth))  # fmt: skip
    if not (published or kinds or levels):
        click.echo(t("admin.setting.none"))


def _cadence_lines(kinds: list[VenueKind], setting: dict[str, int]) -> list[str]:
    """Each office kind with the cadence devices use: the cadence_days setting's, when it
    names the kind, over the kinds sheet's (said, with the sheet's); then each shipped kind
    the setting names, with the program's own."""
    from fieldapp.domain.cadence import DEFAULT_CADENCE_DAYS

    lines = []
    for kind in kinds:
        name, days = pick(kind.zh, kind.en), setting.get(kind.code)
        if days is None:
            lines.append(t("admin.kind.line", code=kind.code, name=name, count=kind.cadence_days))
        else:
            lines.append(t("admin.kind.line_setting", code=kind.code, name=name, count=days,
                           sheet=kind.cadence_days))  # fmt: skip
    office = {kind.code for kind in kinds}
    for code, days in setting.items():
        if code not in office and code in DEFAULT_CADENCE_DAYS:
            lines.append(t("admin.kind.line_shipped", code=code, name=t(f"kind.{code}"),
                           count=days, shipped=DEFAULT_CADENCE_DAYS[code]))  # fmt: skip
    return lines


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
