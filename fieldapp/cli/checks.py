"""What a headless command checks in what a person typed before it does anything: a file
to write (`--out`) and a server database (`--db`). A mistake gets one sentence in the
chosen language saying what is wrong and what to do, exit status 1, and nothing is
created — no empty database file, no half-written PDF, no folder."""

from __future__ import annotations

import errno
import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click

from fieldapp.cli.common import use_language
from fieldapp.i18n import t

_REASONS = {
    errno.EACCES: "cli.reason.permission",
    errno.EPERM: "cli.reason.permission",
    errno.EROFS: "cli.reason.read_only",
    errno.ENOSPC: "cli.reason.disk_full",
    errno.EDQUOT: "cli.reason.disk_full",
}
# A scheme such as postgres:, sqlite:, http: (a one-letter one is a Windows drive).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
SERVER_TABLES = frozenset({"meta", "change_log", "venue"})


def fail(message: str) -> NoReturn:
    """Stop with `message` as a command's refusal, exit status 1 (a person's mistake):
    shown on stderr after "错误：" / "Error: " like every other refusal."""
    raise click.ClickException(message)


def folder_problem(folder: Path) -> str | None:
    """Why no file can be made in `folder` (None when one can): tried with a temporary
    file that is gone again at once."""
    if not folder.exists():
        return t("cli.reason.missing_dir", folder=folder)
    if not folder.is_dir():
        return t("cli.reason.not_dir", folder=folder)
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".fieldapp-probe-"):
            pass
    except OSError as error:
        return t(_REASONS.get(error.errno or 0, "cli.reason.other"), folder=folder)
    return None


def write_problem(path: Path, option: str = "--out") -> str | None:
    """Why `path`, given as `option`, cannot be written (None when it can). A device, a
    pipe or a socket there is refused: `--out /dev/null` run as root replaced the device
    with a regular file holding the workbook."""
    from fieldapp.services.common.typed_paths import PathRefused, PathWords, typed_path

    try:  # a folder, a device, a name too long (OSError), ~nosuchuser (RuntimeError)
        path = typed_path(
            str(path), PathWords("cli.out.is_dir", None, "cli.out.not_a_file"), option=option
        )  # ~ expanded: the folder checked is the one written in
    except PathRefused as refused:
        return str(refused)
    reason = folder_problem(path.absolute().parent)
    if reason is None:
        return None
    return t("cli.out.cannot_write", path=path, reason=reason, option=option)


def _option(param: click.Parameter) -> str:
    return max(param.opts, key=len)  # --out, --xlsx: as the person typed it in full


def checked_out(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Click callback for a file to write (`--out`, `--xlsx`, `--pdf`): a path that cannot
    be written stops the command before it starts. A ~ the shell left (--out '~/x') is
    expanded, so the file is written where it was checked."""
    if value is not None:
        use_language(ctx)
        problem = write_problem(value, _option(param))
        if problem is not None:
            fail(problem)
        return value.expanduser()  # ~nosuchuser was refused above
    return value


def checked_folder_out(
    ctx: click.Context, param: click.Parameter, value: Path | None
) -> Path | None:
    """Click callback for a folder to write files in (`--png`), made when missing: it
    must be a folder or nothing, in a folder that is there and can be written."""
    if value is not None:
        use_language(ctx)
        if value.exists() and not value.is_dir():  # a pipe, a device (click says a file)
            reason: str | None = t("cli.reason.not_dir", folder=value)
        else:
            reason = folder_problem(value if value.is_dir() else value.absolute().parent)
        option = _option(param)
        if reason is not None:
            fail(t("cli.out.cannot_write", path=value, reason=reason, option=option))
    return value


def name_to_write(out: Path, fmt: str, choices: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """The name `out` stands for in `fmt` and the file to write for it, by the export
    screen's rules (`services.common.file_names`): the format's extension added when it
    has none, another format's refused, a name taken kept and -2, -3, … written instead.
    `choices`: the formats the command could be asked for instead (--format)."""
    from fieldapp.services.common.file_names import WrongSuffix, free_path, path_for_format

    try:
        wanted = path_for_format(out, fmt, choices or (fmt,))
    except WrongSuffix as wrong:
        fail(wrong.text())
    return wanted, free_path(wanted, fmt)


def say_not_overwritten(wanted: Path, written: Path) -> None:
    """After the file is written: the name asked for was taken, so it is kept and the
    file has another."""
    if written != wanted:
        click.echo(t("cli.out.not_overwritten", path=wanted, written=written))


# --- the server database ------------------------------------------------------------------


def open_server_database(url: str, *, creating: bool) -> None:
    """Open the server database `url` for an admin command, or fail with a sentence.

    Only a command that creates the database (`creating`: `admin init`) may name one that
    does not exist yet; every other command needs an existing fieldapp server database."""
    from sync.server import db as server_db

    if server_db.is_postgres_url(url):
        _open_postgres(url, creating=creating)
        return
    if _SCHEME.match(url) and not url.startswith("sqlite:///"):
        fail(t("cli.db.bad_url", url=url))
    path = server_db.sqlite_path(url)
    if creating:
        _check_new_sqlite(path)
    else:
        _check_existing_sqlite(path)
    server_db.open_database(url)


def _server_tables(path: Path) -> frozenset[str]:
    """The fieldapp server tables in the SQLite file at `path` (read-only; none when it
    is not a database at all)."""
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return SERVER_TABLES & {str(row[0]) for row in names}
    except sqlite3.Error:
        return frozenset()


def _check_existing_sqlite(path: Path) -> None:
    if not path.exists():
        fail(t("cli.db.missing", path=path))
    if path.is_dir() or _server_tables(path) != SERVER_TABLES:
        fail(t("cli.db.not_server", path=path))
    reason = folder_problem(path.absolute().parent)  # SQLite writes its journal beside it
    if reason is not None:
        fail(t("cli.db.cannot_write", path=path, reason=reason))


def _check_new_sqlite(path: Path) -> None:
    if path.is_dir():
        fail(t("cli.db.not_server", path=path))
    if path.exists():
        if path.stat().st_size and _server_tables(path) != SERVER_TABLES:
            fail(t("cli.db.not_server", path=path))  # never add our tables to another file
        folder = path.absolute().parent
    else:
        folder = next(p for p in path.absolute().parents if p.exists())  # made if missing
    reason = folder_problem(folder)
    if reason is not None:
        fail(t("cli.db.cannot_write", path=path, reason=reason))


def _where(url: str) -> str:
    """host:port/database of a PostgreSQL URL, without the user or password."""
    parts = urlsplit(url)
    try:
        port = str(parts.port or 5432)
    except ValueError:
        port = "?"
    return f"{parts.hostname or 'localhost'}:{port}{parts.path or '/'}"


def _open_postgres(url: str, *, creating: bool) -> None:
    import peewee

    from sync.server import db as server_db

    try:
        db = server_db.open_database(url)
        db.connect(reuse_if_open=True)
    except (peewee.DatabaseError, peewee.InterfaceError, ValueError):
        fail(t("cli.db.pg_unreachable", where=_where(url)))
    try:
        if not creating and not db.table_exists("meta"):
            fail(t("cli.db.pg_empty", where=_where(url)))
    finally:
        db.close()
