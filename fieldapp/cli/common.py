"""What the headless commands share: the language chosen on the root command
(`fieldapp --lang en …`), the local store (FIELDAPP_HOME or the user data directory), and
for the administrator's commands the server database and one way to run an action on it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

T = TypeVar("T")
EXIT_NOT_ENROLLED = 3  # device-info's and sync's exit status on a device with no enrolment


def refuse_not_enrolled() -> NoReturn:
    """device-info's sentence for a data directory with no device (naming the directory
    read, and FIELDAPP_HOME), and its exit status: for any command that needs the device."""
    import sys

    from fieldapp.i18n import t
    from fieldapp.paths import data_home

    click.echo(t("device_info.not_enrolled", home=data_home()), err=True)
    sys.exit(EXIT_NOT_ENROLLED)


def use_language(ctx: click.Context) -> None:
    """Speak the language given to the root command, if one was."""
    lang = (ctx.find_root().obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)


def open_local_store(*, unenrolled_too: bool = False) -> None:
    """Open the device's store. A command that reads it refuses, with device-info's
    sentence naming the directory it looked in, where no device is enrolled: before a
    store is made in an empty FIELDAPP_HOME (a "no venue" or "no grid" said there sent
    people looking for a typo). `unenrolled_too` for the commands that enrol, sync or
    say so themselves."""
    from fieldapp.paths import store_path
    from fieldapp.services.common.identity import enrolled
    from fieldapp.store import close_store, open_store

    path = store_path()
    if not unenrolled_too and not path.exists():
        refuse_not_enrolled()
    open_store(path)
    if not unenrolled_too and not enrolled():
        close_store()
        refuse_not_enrolled()


def unlock_personal_data() -> None:
    """On a device whose people data is behind the device PIN, ask the PIN (hidden) so a
    command can open ID numbers and phones; a wrong PIN counts and waits as in the app,
    which asks again until the free attempts are used (then a wait, said, ends the run)."""
    from fieldapp.cli.hidden_input import InputEnded, hidden_prompt
    from fieldapp.domain.device_pin import FREE_ATTEMPTS
    from fieldapp.i18n import t
    from fieldapp.services.common import device_lock

    if device_lock.lock_state() != device_lock.LOCKED:
        return
    left = device_lock.wait_left()
    if left > 0:  # the wait goes by only while the app or a command runs: serve it here
        click.echo(t("cli.pin.waiting", seconds=math.ceil(left)), err=True)
        while left > 0:
            time.sleep(min(left, 1.0))
            left = device_lock.wait_left()
    for _ in range(FREE_ATTEMPTS):
        # The prompt holds its colon (设备密码：), so click adds none (its ": " is ASCII).
        try:
            pin = hidden_prompt(t("cli.pin.prompt"), err=True)
        except InputEnded:  # a script that gives no PIN on its input
            raise click.ClickException(t("cli.pin.no_input")) from None
        try:
            device_lock.unlock(pin)
            return
        except device_lock.PinWait as wait:
            raise click.ClickException(t("lock.wait", seconds=math.ceil(wait.seconds))) from None
        except device_lock.WrongPin:
            left = device_lock.wait_left()
            if left > 0:
                text = t("cli.pin.wrong_wait", seconds=math.ceil(left))
                raise click.ClickException(text) from None
            click.echo(t("lock.wrong"), err=True)
    raise click.ClickException(t("cli.pin.wrong_rerun"))


def opening_personal_data(read: Callable[[], T]) -> T:
    """Run `read`, which opens people data only in some cases (a month's report reads the
    people figures of its zero reports): on a locked device it runs as it is until it
    needs the data, and then asks the PIN as `unlock_personal_data` does and runs again,
    so nobody types the PIN for nothing and no command ends in a traceback."""
    from fieldapp.domain.personal import PersonalDataLocked

    try:
        return read()
    except PersonalDataLocked:
        unlock_personal_data()
        return read()


def default_server_db() -> str:
    """The server database when --db is not given: FIELDAPP_SERVER_DB or the data home."""
    import os

    from fieldapp.paths import data_home

    return (
        os.environ.get("FIELDAPP_SERVER_DB")
        or f"sqlite:///{data_home() / 'server' / 'server.sqlite3'}"
    )


db_option = click.option("--db", "db_url", default=None)  # help: cli.option.<command>.db_url


def admin_call(action: Callable[[], Any]) -> Any:
    """Run one admin action with a connection. A refusal (an import's rows, a checklist,
    a setting) is the command's refusal through click, exit status 1: said after "错误：" /
    "Error:" like every other command's."""
    from fieldapp.domain.checklist_toml import ChecklistInvalid
    from sync.server import db as server_db
    from sync.server.auth import AuthError
    from sync.server.tables import ImportRefused

    try:
        with server_db.current().connection_context():
            return action()
    except (ImportRefused, ChecklistInvalid, AuthError, ValueError, OSError) as error:
        raise click.ClickException(str(error)) from None


def device_grid(code: str) -> str | None:
    """The code of the grid on this device that `code` names, whatever its case (v1 is
    V1, as the server finds it); None where this device holds none."""
    from peewee import fn

    from fieldapp.store.models import Grid

    grid = Grid.get_or_none(fn.UPPER(Grid.code) == code.strip().upper())
    return None if grid is None else str(grid.code)


def known_grid(code: str) -> str:
    """`device_grid`, or the command's refusal naming the grid codes this device holds:
    "no grid NOPE" alone left a person guessing what to type."""
    from fieldapp.i18n import listed, t
    from fieldapp.store.models import Grid

    found = device_grid(code)
    if found is None:
        codes = listed(str(g.code) for g in Grid.select(Grid.code).order_by(Grid.code))
        raise click.ClickException(t("cli.unknown_grid", grid=code, codes=codes))
    return found
