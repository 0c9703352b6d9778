"""A person's mistake on the command line gets one sentence in the chosen language saying
what is wrong and what to do after "错误：" / "Error: ", exit status 1, no traceback, and
nothing created.

Each case runs `python -m fieldapp` as a real subprocess, in Chinese and in English, in a
workspace holding a device store and a server database; the files of the workspace are the
same after the command as before it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp.i18n import set_language, t
from fieldapp.paths import store_path
from fieldapp.services.demo.workspace import build_workspace
from fieldapp.store.db import db
from fieldapp.store.models import SyncState
from fieldapp.store.opening import close_store, open_store

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class World:
    root: Path  # the working directory of every command
    home: Path  # FIELDAPP_HOME: a device store whose server URL is plain http elsewhere
    server_db: Path  # an initialised server database
    afile: Path  # a plain file (a folder cannot be made under it)


@dataclass(frozen=True)
class Case:
    args: Callable[[World], list[str]]
    message: Callable[[World], str]  # the sentence, in the current language


def _grid_codes(world: World) -> str:
    """The grid codes the device holds, as a refusal lists them."""
    from fieldapp.i18n import listed
    from fieldapp.store.models import Grid

    open_store(store_path(world.home))
    try:
        return listed(str(g.code) for g in Grid.select(Grid.code).order_by(Grid.code))
    finally:
        close_store()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fieldapp(world: World, lang: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIELDAPP_HOME": str(world.home), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "--lang", lang, *args],
        cwd=world.root, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("mistakes")
    home = root / "device"
    build_workspace(home, venues=20, seed=7)
    open_store(store_path(home))
    with db.atomic():
        SyncState.update(server_url="http://10.1.2.3:8765", token="t").execute()
    close_store()
    server_db = root / "server" / "server.sqlite3"
    made = World(root, home, server_db, root / "notes.txt")
    made.afile.write_text("not a folder\n", encoding="utf-8")
    initialised = _fieldapp(made, "en", ["admin", "--db", str(server_db), "init"])
    assert initialised.returncode == 0, initialised.stderr
    return made


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    set_language("zh")


def _cannot_write(path: str, reason: str, option: str = "--out") -> str:
    return t("cli.out.cannot_write", path=path, reason=reason, option=option)


PG_PORT = _free_port()  # nothing listens there

CASES = {
    "admin on a missing database": Case(
        lambda w: ["admin", "--db", str(w.root / "typo" / "server.sqlite3"), "devices"],
        lambda w: t("cli.db.missing", path=w.root / "typo" / "server.sqlite3"),
    ),
    "admin on a file that is not a server database": Case(
        lambda w: ["admin", "--db", str(store_path(w.home)), "devices"],
        lambda w: t("cli.db.not_server", path=store_path(w.home)),
    ),
    "admin on a mistyped address": Case(
        lambda w: ["admin", "--db", "sqlite:/server.sqlite3", "devices"],
        lambda w: t("cli.db.bad_url", url="sqlite:/server.sqlite3"),
    ),
    "admin init where no folder can be made": Case(
        lambda w: ["admin", "--db", str(w.afile / "server.sqlite3"), "init"],
        lambda w: t(
            "cli.db.cannot_write",
            path=w.afile / "server.sqlite3",
            reason=t("cli.reason.not_dir", folder=w.afile),
        ),
    ),
    "admin on an unreachable PostgreSQL": Case(
        lambda w: ["admin", "--db", f"postgresql://me:secret@127.0.0.1:{PG_PORT}/x", "devices"],
        lambda w: t("cli.db.pg_unreachable", where=f"127.0.0.1:{PG_PORT}/x"),
    ),
    "admin placards to an unwritable place": Case(
        lambda w: [
            "admin",
            "--db",
            str(w.server_db),
            "placards",
            "--grid",
            "T01",
            "--out",
            str(w.afile / "p.pdf"),
        ],  # fmt: skip
        lambda w: _cannot_write(str(w.afile / "p.pdf"), t("cli.reason.not_dir", folder=w.afile)),
    ),
    "export to a missing folder": Case(
        lambda w: ["export", "--out", "nowhere/ledger.xlsx"],
        lambda w: _cannot_write(
            "nowhere/ledger.xlsx", t("cli.reason.missing_dir", folder=w.root / "nowhere")
        ),
    ),
    "monthly report to a missing folder": Case(
        lambda w: ["monthly-report", "--xlsx", "nowhere/m.xlsx"],
        lambda w: _cannot_write(
            "nowhere/m.xlsx", t("cli.reason.missing_dir", folder=w.root / "nowhere"), "--xlsx"
        ),
    ),
    "placard images under a missing folder": Case(
        lambda w: ["placards", "--venue", "DM-0001", "--png", "nowhere/pngs"],
        lambda w: _cannot_write(
            "nowhere/pngs", t("cli.reason.missing_dir", folder=w.root / "nowhere"), "--png"
        ),
    ),
    "export to a folder": Case(
        lambda w: ["export", "--out", str(w.root)],
        lambda w: t("cli.out.is_dir", path=w.root, option="--out"),
    ),
    "export of an unknown grid": Case(
        lambda w: ["export", "--grid", "NOPE", "--out", "ledger.xlsx"],
        lambda w: t("cli.unknown_grid", grid="NOPE", codes=_grid_codes(w)),
    ),
    "placards of an unknown grid": Case(
        lambda w: ["placards", "--grid", "NOPE", "--out", "p.pdf"],
        lambda w: t("placard.print.grid_unknown", code="NOPE"),
    ),
    "placards of an unknown venue": Case(
        lambda w: ["placards", "--venue", "XX-0001", "--out", "p.pdf"],
        lambda w: t("placard.print.venue_unknown", code="XX-0001"),
    ),
    "notice to an unwritable place": Case(
        lambda w: ["notice", "--venue", "DM-0001", "--out", str(w.afile / "n.pdf")],
        lambda w: _cannot_write(str(w.afile / "n.pdf"), t("cli.reason.not_dir", folder=w.afile)),
    ),
    "sync to a plain http server elsewhere": Case(
        lambda w: ["sync"],
        lambda w: t("cli.sync.bad_url", url="http://10.1.2.3:8765"),
    ),
}


def _files(root: Path) -> dict[str, int]:
    """Every file under `root` with its size (SQLite's -wal/-shm files come and go with a
    connection and are left out)."""
    return {
        str(p.relative_to(root)): p.stat().st_size
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_a_mistake_gets_one_sentence_and_changes_nothing(
    world: World, name: str, lang: str, english_after: None
) -> None:
    case = CASES[name]
    before = _files(world.root)
    done = _fieldapp(world, lang, case.args(world))
    set_language(lang)
    # After "错误：" / "Error: ", as click's usage errors and every command's refusal.
    expected = t("cli.usage.error", message=case.message(world))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.strip() == expected, done.stderr
    assert _files(world.root) == before
