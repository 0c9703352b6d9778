"""`fieldapp admin checklist export KIND --out F` (or `--xlsx F`): a published checklist as
a workbook the office edits in Excel or WPS; `fieldapp admin publish-checklist F.xlsx` reads
it back. Attached to the `admin` group in `fieldapp.cli.server`."""

from __future__ import annotations

from pathlib import Path

import click

from fieldapp.cli.checks import checked_out, name_to_write, say_not_overwritten
from fieldapp.cli.common import admin_call
from fieldapp.i18n import t


@click.group("checklist")
def admin_checklist() -> None:
    from sync.server import db as server_db

    server_db.init_schema()


@admin_checklist.command("export")
@click.argument("kind")
@click.option(
    "--out", "--xlsx", "out", required=True, type=click.Path(path_type=Path), callback=checked_out
)
def checklist_export(kind: str, out: Path) -> None:
    from sync.server.checklist_xlsx import newest, write_xlsx

    # Named as every export names its file (.xlsx added, a name taken kept): a name with no
    # extension was written as it was and publish-checklist then refused it.
    wanted, out = name_to_write(out, "xlsx")
    checklist = admin_call(lambda: newest(kind))
    admin_call(lambda: write_xlsx(checklist, out))
    click.echo(
        t(
            "admin.checklist.exported",
            id=checklist.id,
            version=checklist.version,
            count=len(checklist.items),
            path=out,
        )
    )
    say_not_overwritten(wanted, out)
