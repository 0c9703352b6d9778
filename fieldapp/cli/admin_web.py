"""`fieldapp admin web-user …`: who may sign in to `fieldapp web`.

Attached to the `admin` group in `fieldapp.cli.server`; the users live in
`sync.server.web_users` (Argon2id hashes, lockout after repeated failures).
"""

from __future__ import annotations

import sys

import click

from fieldapp.cli.common import admin_call
from fieldapp.i18n import t


@click.group("web-user")
def web_user() -> None:
    from sync.server import db as server_db

    admin_call(server_db.add_missing_tables)


@web_user.command("add")
@click.argument("username")
@click.option("--person", "person_id", required=True)
@click.option("--password-stdin", is_flag=True)
def add(username: str, person_id: str, password_stdin: bool) -> None:
    from fieldapp.cli.hidden_input import InputEnded
    from sync.server import web_users

    person = admin_call(lambda: web_users.check_user(username, person_id))  # before asking
    try:
        password = sys.stdin.readline().rstrip("\n") if password_stdin else _ask_password()
    except InputEnded:  # a script that gives no password on its input
        raise click.ClickException(t("admin.web_user.no_password_input")) from None
    admin_call(lambda: web_users.add_user(username, person_id, password))
    who = t("admin.web_user.person", name=person.name, id=person.id)
    click.echo(t("admin.web_user.added", username=username.strip(), person=who))


def _ask_password() -> str:
    """Asked twice, hidden, in the chosen language (click's own confirmation and its
    "The two entered values do not match" are English); one too short is said at once
    and asked again, as the device PIN is, not after it was typed twice. The prompts hold
    their colon (密码：), so click adds none."""
    from fieldapp.cli.hidden_input import hidden_prompt
    from sync.server.web_users import password_refused

    while True:
        password = hidden_prompt(t("admin.web_user.password"))
        refused = password_refused(password)
        if refused:
            click.echo(t("admin.web_user.password_retype", refused=refused), err=True)
            continue
        again = hidden_prompt(t("admin.web_user.password_again"))
        if password == again:
            return password
        click.echo(t("admin.web_user.passwords_differ"), err=True)


@web_user.command("list")
def list_users() -> None:
    from sync.server.admin_models import WebUser
    from sync.server.db import now_iso
    from sync.server.models import Person

    def read() -> list[tuple[WebUser, str]]:
        query = WebUser.select(WebUser, Person).join(Person).order_by(WebUser.username)
        return [(user, user.person.name) for user in query]

    users = admin_call(read)
    if not users:
        click.echo(t("admin.web_user.none"))
    now = now_iso()
    for user, name in users:
        if user.disabled:
            state = t("admin.web_user.disabled")
        elif user.locked_until > now:  # a lock that has run out locks no more
            state = t("admin.web_user.locked", until=_minute(user.locked_until))
        else:
            state = t("admin.web_user.active")
        who = t("admin.web_user.person", name=name, id=user.person_id)
        click.echo(t("admin.web_user.line", username=user.username, person=who,
                     state=state, created=_minute(user.created_at)))  # fmt: skip


def _minute(stamp: str) -> str:
    """A server time (2026-12-06T14:05:31.123456Z) in the office's time zone to the
    minute (2026-12-06 22:05), as enroll-code says its expiry."""
    from sync.server.office_time import office_minute

    return office_minute(stamp)


@web_user.command("unlock")
@click.argument("username")
def unlock(username: str) -> None:
    from sync.server import web_users

    if not admin_call(lambda: web_users.unlock(username)):
        raise click.ClickException(t("admin.web_user.unknown", username=username))
    click.echo(t("admin.web_user.unlocked", username=username))
