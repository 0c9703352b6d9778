"""`fieldapp serve` and `fieldapp admin …`: the central server and its database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli.admin_alerts import alerts
from fieldapp.cli.admin_campaigns import admin_campaign
from fieldapp.cli.admin_checklists import admin_checklist
from fieldapp.cli.admin_office import admin_setting, import_kinds, import_levels
from fieldapp.cli.admin_patrols import patrol_attendance, patrol_close
from fieldapp.cli.admin_placards import admin_placards, placard_key
from fieldapp.cli.admin_readers import reader_key
from fieldapp.cli.admin_responsibilities import (
    end_responsibility,
    import_responsibilities,
    responsibilities,
)
from fieldapp.cli.admin_retention import admin_retention
from fieldapp.cli.admin_web import web_user
from fieldapp.cli.common import admin_call, db_option, default_server_db, use_language
from fieldapp.cli.params import DateOrTime, InputFile
from fieldapp.i18n import listed, t


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--blob-dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--blob-store", default=None, metavar="SPEC")
@click.option("--blob-limit", default=20 * 1024 * 1024, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
def serve(
    db_url: str | None,
    host: str,
    port: int,
    blob_dir: Path | None,
    blob_store: str | None,
    blob_limit: int,
    workers: int,
) -> None:
    from sync.server.__main__ import run
    from sync.server.blob_store import BadBlobStore

    try:
        run(
            db_url or default_server_db(),
            host=host,
            port=port,
            blob_dir=blob_dir,
            blob_store=blob_store,
            blob_limit=blob_limit,
            workers=workers,
        )
    except BadBlobStore as error:
        raise click.UsageError(str(error)) from None


@click.group()
@db_option
@click.option("--actor", default="")
@click.pass_context
def admin(ctx: click.Context, db_url: str | None, actor: str) -> None:
    use_language(ctx)
    from fieldapp.cli.checks import open_server_database
    from sync.server import audit

    ctx.ensure_object(dict)
    creating = ctx.invoked_subcommand == "init"  # the one command that makes the database
    open_server_database(db_url or default_server_db(), creating=creating)
    audit.act_as(actor)  # "" records as admin:<login name>


@admin.command("init")
def admin_init() -> None:
    from sync.server import db as server_db
    from sync.server import placard_keys

    click.echo(t("admin.init", epoch=server_db.init_schema(remake=True)))
    key_id, created = admin_call(placard_keys.ensure_key)
    admin_call(placard_keys.restrict_database_file)
    click.echo(t("admin.placard_key.made" if created else "admin.placard_key.kept", key_id=key_id))


@admin.command("new-epoch")
def admin_new_epoch() -> None:
    from sync.server import db as server_db

    click.echo(t("admin.new_epoch", epoch=server_db.new_epoch()))


def _import_command(name: str, table: str, function_name: str, module: str = "admin") -> None:
    @admin.command(name)  # its help, with the columns it reads: cli.help.admin.<name>
    @click.argument("file", type=InputFile())
    def command(file: Path) -> None:
        import importlib

        from sync.server import db as server_db

        server_admin = importlib.import_module(f"sync.server.{module}")
        server_db.init_schema()
        imports = getattr(server_admin, function_name)
        if table == "venues":  # it says how far it is: 50,000 venues take a while
            count = admin_call(lambda: imports(file, say=lambda line: click.echo(line, err=True)))
        else:
            count = admin_call(lambda: imports(file))
        if table == "venues":  # new and updated: a row that changes a venue says so
            click.echo(t("admin.imported.venues", count=count.count, new=count.new,
                         updated=count.updated))  # fmt: skip
            if count.unchanged:  # as publish-checklist says 内容相同，未改动
                click.echo(t("admin.imported.venues_unchanged", count=count.unchanged))
            _warn_uninspectable()
        elif table == "grids":  # a grid moved or re-levelled is listed, to be checked
            click.echo(t("admin.imported", count=count.count, what=t("import.table.grids")))
            _say_moved(count.moved)
        else:
            click.echo(t("admin.imported", count=count, what=t(f"import.table.{table}")))


def _say_moved(moved: list[Any]) -> None:
    """The grids the server held that an import put under another parent or at another
    level: an empty parent cell makes a village a top-level grid, which should be seen;
    and, for one under another parent, how many open hazards went with it."""
    if moved:
        click.echo(t("admin.imported.grids_moved"))
    top = t("admin.imported.top_level")
    for m in moved:
        click.echo(t("admin.imported.grid_moved", code=m.code, name=m.name,
                     parent_before=m.parent_before or top, parent=m.parent or top,
                     level_before=t(f"grid_level.{m.level_before}"),
                     level=t(f"grid_level.{m.level}")))  # fmt: skip
        if m.open_hazards is not None:  # under another parent: its open hazards went along
            click.echo(t("admin.imported.grid_moved_hazards", count=m.open_hazards))


def _warn_uninspectable() -> None:
    """Imported, yet not inspectable: venues of a kind no published checklist covers
    (a device refuses to start their inspection until one is published)."""
    from sync.server.office import kinds_without_checklist, publish_names

    def named() -> list[str]:
        publish_names()  # an office kind said by its name, as the office wrote it
        return [f"{t(f'kind.{kind}')} ({kind})" for kind in kinds_without_checklist()]

    if kinds := admin_call(named):
        click.echo(t("admin.kinds_without_checklist", kinds=listed(kinds)), err=True)


_import_command("import-grids", "grids", "import_grids")
_import_command("import-people", "people", "import_people")
_import_command("import-venues", "venues", "import_venues", "venue_import")
_import_command("import-checkpoints", "checkpoints", "import_checkpoints", "patrol_import")
_import_command("import-routes", "routes", "import_routes", "patrol_import")


@admin.command("import-people-registry")
@click.argument("file", type=InputFile())
def admin_import_people_registry(file: Path) -> None:
    from sync.server import db as server_db
    from sync.server.people_import import import_people_registry

    server_db.init_schema()
    count = admin_call(lambda: import_people_registry(file))
    click.echo(t("admin.imported", count=count, what=t("import.table.registry")))


@admin.command("publish-checklist")
@click.argument("file", type=InputFile())
def admin_publish_checklist(file: Path) -> None:
    from sync.server import admin as server_admin
    from sync.server import db as server_db

    server_db.init_schema()
    published = admin_call(lambda: server_admin.publish_checklist(file))
    key = "admin.published" if published.new else "admin.published.same"
    click.echo(t(key, id=published.checklist_id, version=published.version))


@admin.command("enroll-code")
@click.option("--person", "person_id", required=True)
@click.option("--hours", default=24.0, show_default=True)
@click.option("--url", default="")
def admin_enroll_code(person_id: str, hours: float, url: str) -> None:
    from sync.server import auth
    from sync.server.office_time import office_minute

    issued = admin_call(lambda: auth.issue_enrollment_code(person_id, hours=hours))
    expires = office_minute(issued.expires_at)  # as the office reads it, not the stored ISO
    who = issued.person_name or issued.person_id
    if issued.namesakes:  # two 张三: the id says which one the code is for
        who = t("admin.code.person_and_id", name=issued.person_name, id=issued.person_id)
    click.echo(t("admin.code", person=who, expires=expires))
    click.echo(f"\n    {issued.code}\n")
    import qrcode

    qr = qrcode.QRCode(border=1)
    qr.add_data(f"fieldapp enroll {url} {issued.code}" if url else issued.code)
    qr.print_ascii(invert=True)


DEVICE_COLUMNS = ("device", "state", "person", "name", "role", "device_name", "enrolled",
                  "last_seen")  # fmt: skip


@admin.command("devices")
def admin_devices() -> None:
    from sync.server import admin as server_admin
    from sync.server.office_time import office_minute

    devices = admin_call(server_admin.list_devices)
    if not devices:
        click.echo(t("admin.devices.none"))
        return
    retired = admin_call(server_admin.retired_devices)
    click.echo("\t".join(t(f"admin.devices.col.{column}") for column in DEVICE_COLUMNS))
    for d in devices:
        state = "revoked" if d.revoked else "active"
        state = retired.get(d.id, state)  # a web session that ended, or enrolled again
        seen = office_minute(d.last_seen_at) if d.last_seen_at else "-"
        click.echo(
            "\t".join([
                d.id, t(f"admin.devices.state.{state}"), d.person.id, d.person.name,
                t(f"role.{d.person.role}"), d.name or "-", office_minute(d.created_at), seen,
            ])
        )  # fmt: skip


@admin.command("revoke")
@click.argument("device_id")
def admin_revoke(device_id: str) -> None:
    from sync.server import auth

    if admin_call(lambda: auth.revoke(device_id)):
        click.echo(t("admin.revoked", device=device_id))
    else:
        raise click.ClickException(t("admin.revoke.unknown", device=device_id))


@admin.command("audit")
@click.option("--since", default=None, type=DateOrTime())
@click.option("--actor", "actor", default=None)
@click.option("--limit", default=None, type=click.IntRange(1))
def admin_audit(since: str | None, actor: str | None, limit: int | None) -> None:
    import json

    from sync.server import audit
    from sync.server import db as server_db
    from sync.server.audit_names import member_names
    from sync.server.office_time import office_minute, stored_from_office
    from sync.server.people_audit import EDITED

    server_db.init_schema()
    since = stored_from_office(since) if since else None  # the office's time, as listed
    found = admin_call(lambda: audit.entries(since=since, actor=actor, limit=limit))
    if not found:
        click.echo(t("admin.audit.none"))
    names = admin_call(lambda: member_names(entry.subject for entry in found))
    for entry in found:
        detail = (
            json.dumps(entry.detail, ensure_ascii=False, sort_keys=True) if entry.detail else ""
        )
        if entry.action == EDITED:  # the fields' names, worded; the entry holds no values
            detail = _edits_said(entry.detail)
        subject = entry.subject or "-"
        if name := names.get(entry.subject):  # a person named, not only by the member's id
            subject = t("admin.audit.subject_named", subject=subject, name=name)
        click.echo(
            f"{office_minute(entry.at, seconds=True)}  {entry.actor}  {entry.action}  {subject}"
            f"  {entry.device or '-'}  {detail}".rstrip()
        )


def _edits_said(detail: dict[str, Any]) -> str:
    """A `personal_data.edited` entry's detail in words: the fields the edit changed (or
    registered) and when, on the device's clock."""
    fields = listed(t(f"people.conflict.field.{name}") for name in detail.get("fields", ()))
    key = "admin.audit.registered" if detail.get("new") else "admin.audit.edited"
    return t(key, fields=fields, device_time=detail.get("device_time", ""))


admin.add_command(placard_key)
admin.add_command(admin_placards)
admin.add_command(alerts)
admin.add_command(reader_key)
admin.add_command(web_user)
admin.add_command(admin_campaign)
admin.add_command(import_kinds)
admin.add_command(import_levels)
admin.add_command(admin_setting)
admin.add_command(admin_checklist)
admin.add_command(patrol_attendance)
admin.add_command(patrol_close)
admin.add_command(admin_retention)
admin.add_command(import_responsibilities)
admin.add_command(end_responsibility)
admin.add_command(responsibilities)
