"""`fieldapp serve`, `fieldapp admin …`, `fieldapp enroll URL CODE` and `fieldapp sync`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fieldapp.i18n import t

EXIT_INCOMPLETE = 1  # something was refused, failed or is still waiting
EXIT_NOT_ENROLLED = 3


def _use_language(ctx: click.Context) -> None:
    lang = (ctx.find_root().obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)


def default_server_db() -> str:
    """The server database when --db is not given: FIELDAPP_SERVER_DB or the data home."""
    import os

    from fieldapp.paths import data_home

    return (
        os.environ.get("FIELDAPP_SERVER_DB")
        or f"sqlite:///{data_home() / 'server' / 'server.sqlite3'}"
    )


db_option = click.option(
    "--db",
    "db_url",
    default=None,
    help="Server database: a SQLite path, sqlite:///FILE or postgresql://… "
    "(default: $FIELDAPP_SERVER_DB or server/server.sqlite3 in the data directory).",
)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--blob-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where photos are stored (default: beside the SQLite file).")  # fmt: skip
@click.option("--blob-limit", default=20 * 1024 * 1024, show_default=True, type=int,
              help="Largest photo accepted, in bytes.")  # fmt: skip
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port (all state is in the database).")  # fmt: skip
def serve(
    db_url: str | None, host: str, port: int, blob_dir: Path | None, blob_limit: int, workers: int
) -> None:
    """Run the central sync server (uvicorn, JSON-lines logs on stderr)."""
    from sync.server.__main__ import run

    run(
        db_url or default_server_db(),
        host=host,
        port=port,
        blob_dir=blob_dir,
        blob_limit=blob_limit,
        workers=workers,
    )


@click.group()
@db_option
@click.pass_context
def admin(ctx: click.Context, db_url: str | None) -> None:
    """Administer the server database: people, grids, venues, checklists, devices."""
    _use_language(ctx)
    from sync.server import db as server_db

    ctx.ensure_object(dict)
    server_db.open_database(db_url or default_server_db())


def _admin_call(action: Callable[[], Any]) -> Any:
    """Run one admin action with a connection; refusals are printed, exit status 1."""
    from fieldapp.domain.checklist_toml import ChecklistInvalid
    from sync.server import db as server_db
    from sync.server.auth import AuthError
    from sync.server.tables import ImportRefused

    try:
        with server_db.current().connection_context():
            return action()
    except (ImportRefused, ChecklistInvalid, AuthError, ValueError, OSError) as error:
        click.echo(t("admin.failed", error=error), err=True)
        sys.exit(1)


@admin.command("init")
def admin_init() -> None:
    """Create the tables, the epoch and the placard key (safe to run again)."""
    from sync.server import db as server_db
    from sync.server import placard_keys

    click.echo(t("admin.init", epoch=server_db.init_schema()))
    key_id, created = _admin_call(placard_keys.ensure_key)
    _admin_call(placard_keys.restrict_database_file)
    click.echo(t("admin.placard_key.made" if created else "admin.placard_key.kept", key_id=key_id))


@admin.command("new-epoch")
def admin_new_epoch() -> None:
    """Start a new epoch: run this after restoring the database from a backup."""
    from sync.server import db as server_db

    click.echo(t("admin.new_epoch", epoch=server_db.new_epoch()))


def _import_command(name: str, what: str, function_name: str) -> None:
    columns = {
        "grids": "code, name, level, parent",
        "people": "id, name, role, phone, grids (separated by ; or spaces)",
        "venues": "code, name, kind, grid, address, contact, phone, risk_level, id",
    }[what]

    @admin.command(
        name, help=f"Import {what} from a CSV or XLSX file (all or nothing). Columns: {columns}."
    )
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    def command(file: Path) -> None:
        from sync.server import admin as server_admin
        from sync.server import db as server_db

        server_db.init_schema()
        count = _admin_call(lambda: getattr(server_admin, function_name)(file))
        click.echo(t("admin.imported", count=count, what=what))


_import_command("import-grids", "grids", "import_grids")
_import_command("import-people", "people", "import_people")
_import_command("import-venues", "venues", "import_venues")


@admin.command("publish-checklist")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def admin_publish_checklist(file: Path) -> None:
    """Validate and publish one checklist version (TOML, or its JSON form)."""
    from sync.server import admin as server_admin
    from sync.server import db as server_db

    server_db.init_schema()
    published = _admin_call(lambda: server_admin.publish_checklist(file))
    key = "admin.published" if published.new else "admin.published.same"
    click.echo(t(key, id=published.checklist_id, version=published.version))


@admin.command("enroll-code")
@click.option("--person", "person_id", required=True, help="The person id the device acts for.")
@click.option("--hours", default=24.0, show_default=True, help="How long the code stays valid.")
@click.option("--url", default="", help="Server URL to put in the QR with the code.")
def admin_enroll_code(person_id: str, hours: float, url: str) -> None:
    """Issue a one-time enrolment code, shown as text and as a QR code."""
    from sync.server import auth

    issued = _admin_call(lambda: auth.issue_enrollment_code(person_id, hours=hours))
    click.echo(t("admin.code", person=person_id, expires=issued.expires_at))
    click.echo(f"\n    {issued.code}\n")
    import qrcode

    qr = qrcode.QRCode(border=1)
    qr.add_data(f"fieldapp enroll {url} {issued.code}" if url else issued.code)
    qr.print_ascii(invert=True)


@admin.command("devices")
def admin_devices() -> None:
    """List enrolled devices."""
    from sync.server import admin as server_admin

    devices = _admin_call(server_admin.list_devices)
    if not devices:
        click.echo(t("admin.devices.none"))
    for d in devices:
        state = "REVOKED" if d.revoked else "active"
        click.echo(
            f"{d.id}  {state:7}  {d.person.id} {d.person.name} ({d.person.role})  "
            f"{d.name or '-'}  enrolled {d.created_at}  last seen {d.last_seen_at or '-'}"
        )


@admin.command("revoke")
@click.argument("device_id")
def admin_revoke(device_id: str) -> None:
    """Revoke a device: its token is refused from its next call on."""
    from sync.server import auth

    if _admin_call(lambda: auth.revoke(device_id)):
        click.echo(t("admin.revoked", device=device_id))
    else:
        click.echo(t("admin.revoke.unknown", device=device_id), err=True)
        sys.exit(1)


def _open_local_store() -> None:
    from fieldapp.paths import store_path
    from fieldapp.store import open_store

    open_store(store_path())


@click.command()
@click.argument("url")
@click.argument("code")
@click.option(
    "--name", "device_name", default="", help="A name for this device (default: host name)."
)
@click.option("--insecure-http", is_flag=True, help="Allow plain http to a non-loopback server.")
@click.option("--ca-bundle", type=click.Path(dir_okay=False), default=None,
              help="CA certificates to verify the server with.")  # fmt: skip
@click.pass_context
def enroll(
    ctx: click.Context,
    url: str,
    code: str,
    device_name: str,
    insecure_http: bool,
    ca_bundle: str | None,
) -> None:
    """Enrol this device with the server at URL using a one-time CODE."""
    import platform

    from sync.client import SyncError, enroll_device

    _use_language(ctx)
    _open_local_store()
    try:
        answer = enroll_device(
            url, code, device_name=device_name or platform.node(),
            verify=ca_bundle or True, allow_insecure_http=insecure_http,
        )  # fmt: skip
    except SyncError as error:
        click.echo(t("sync.enroll.failed", error=error), err=True)
        sys.exit(1)
    person = answer.person
    grids = ", ".join(answer.grids) or "-"
    click.echo(
        t("sync.enrolled", device=answer.device_id, name=person.name, role=person.role, grids=grids)
    )
    click.echo(t("sync.enroll.next"))


class _PhaseBars:
    """One click progress bar per phase, fed by SyncClient's progress callback."""

    def __init__(self) -> None:
        self.phase = ""
        self.bar: Any = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = click.progressbar(length=max(total, 1), label=t(f"sync.phase.{phase}"))
            self.bar.__enter__()
        if total > self.bar.length:
            self.bar.length = total
        self.bar.update(max(done - self.bar.pos, 0))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("sync")
@click.option("--insecure-http", is_flag=True, help="Allow plain http to a non-loopback server.")
@click.pass_context
def sync_command(ctx: click.Context, insecure_http: bool) -> None:
    """Sync now, headless. Exit status 0 only if everything went through."""
    from sync.client import DeviceNotEnrolled, SyncClient

    _use_language(ctx)
    _open_local_store()
    bars = _PhaseBars()
    try:
        with SyncClient.from_store(allow_insecure_http=insecure_http) as client:
            result = client.sync_once(bars)
    except DeviceNotEnrolled as error:
        bars.close()
        click.echo(t("sync.not_enrolled", error=error), err=True)
        sys.exit(EXIT_NOT_ENROLLED)
    bars.close()
    from fieldapp.services.syncing.runs import after_sync

    after_sync(result)
    if result.new_epoch:
        click.echo(t("sync.new_epoch"))
    click.echo(
        t("sync.done", pushed=result.pushed, pulled=result.pulled, photos=result.blobs_uploaded)
    )
    for warning in result.warnings:
        click.echo(t("sync.warning", warning=warning))
    for reason in result.conflicts:
        click.echo(t("sync.conflict", reason=reason))
    if result.rejected:
        click.echo(t("sync.rejected.title", count=len(result.rejected)), err=True)
        for op in result.rejected:
            click.echo(
                t("sync.rejected.item", seq=op.seq, type=op.type, reason=op.reason), err=True
            )
    for problem in result.errors:
        click.echo(t("sync.error", error=problem), err=True)
    if result.retry_in is not None:
        click.echo(t("sync.retry", seconds=round(result.retry_in)), err=True)
    if result.pending:
        click.echo(t("sync.pending", count=result.pending), err=True)
    sys.exit(0 if result.ok else EXIT_INCOMPLETE)


from fieldapp.cli.admin_placards import admin_placards, placard_key  # noqa: E402

admin.add_command(placard_key)
admin.add_command(admin_placards)
