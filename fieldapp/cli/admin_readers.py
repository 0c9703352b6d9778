"""`fieldapp admin reader-key …`: API keys for the data feed (`/api/v1/data/…`).

Attached to the `admin` group in `fieldapp.cli.server`; the keys live in
`sync.server.reader_keys`.
"""

from __future__ import annotations

import click

from fieldapp.cli.common import admin_call
from fieldapp.i18n import t


@click.group("reader-key")
def reader_key() -> None:
    from sync.server import db as server_db

    admin_call(server_db.add_missing_tables)


@reader_key.command("create")
@click.option("--name", required=True)
@click.option("--grid", "grids", multiple=True, required=True)
def create(name: str, grids: tuple[str, ...]) -> None:
    from sync.server import reader_keys

    key = admin_call(lambda: reader_keys.create(name, list(grids)))
    click.echo(t("readers.created", name=name, grids=", ".join(grids)))
    click.echo(f"\n    {key}\n")


@reader_key.command("list")
def list_keys() -> None:
    from sync.server.admin_models import ReaderKey

    keys = admin_call(lambda: list(ReaderKey.select().order_by(ReaderKey.created_at)))
    if not keys:
        click.echo(t("readers.none"))
    for key in keys:
        state = t("readers.revoked") if key.revoked_at else t("readers.active")
        click.echo(f"{key.key_id}  {state}  {key.name}  {', '.join(key.grids)}  {key.created_at}")


@reader_key.command("revoke")
@click.argument("key_id")
def revoke(key_id: str) -> None:
    from sync.server import reader_keys

    if not admin_call(lambda: reader_keys.revoke(key_id)):
        raise click.ClickException(t("readers.unknown", key_id=key_id))
    click.echo(t("readers.revoked_now", key_id=key_id))
