"""`fieldapp admin import-responsibilities FILE`, `end-responsibility` and `fieldapp admin
responsibilities`: 包保 assignments (cadre → households) imported from CSV/XLSX, one
ended, and each cadre's list.

Attached to the `admin` group in `fieldapp.cli.server`; the work is
`sync.server.responsibility_import`.
"""

from __future__ import annotations

from pathlib import Path

import click

from fieldapp.cli.common import admin_call
from fieldapp.cli.params import InputFile
from fieldapp.i18n import t


@click.command(
    "import-responsibilities",
)
@click.argument("file", type=InputFile())
def import_responsibilities(file: Path) -> None:
    from sync.server import db as server_db
    from sync.server.responsibility_import import import_responsibilities as run

    server_db.init_schema()
    count = admin_call(lambda: run(file))
    click.echo(t("admin.responsibilities.imported", count=count))


@click.command(
    "end-responsibility",
)
@click.argument("cadre")
@click.argument("grid")
@click.argument("household")
def end_responsibility(cadre: str, grid: str, household: str) -> None:
    from sync.server import db as server_db
    from sync.server.responsibility_import import end_responsibility as run

    server_db.init_schema()
    person = admin_call(lambda: run(cadre, grid, household))
    click.echo(t("admin.responsibilities.ended", name=person.name, id=person.id, grid=grid,
                 household=household))  # fmt: skip


@click.command("responsibilities")
@click.option("--cadre", default="")
def responsibilities(cadre: str) -> None:
    from sync.server import db as server_db
    from sync.server.responsibility_import import cadre_lists

    server_db.init_schema()
    lists = admin_call(lambda: cadre_lists(cadre))
    if not lists:
        click.echo(t("admin.responsibilities.none"))
    for entry in lists:
        click.echo(t("admin.responsibilities.cadre", name=entry.name, id=entry.person_id,
                     count=len(entry.households)))  # fmt: skip
        for grid, code, address in entry.households:
            click.echo(f"  {grid}  {code}  {address}".rstrip())
