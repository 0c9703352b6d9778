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
    """Office staff who sign in to the browser program (fieldapp web)."""
    from sync.server import db as server_db

    admin_call(server_db.add_missing_tables)


@web_user.command("add")
@click.argument("username")
@click.option("--person", "person_id", required=True, help="The person the user acts for.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def add(username: str, person_id: str, password_stdin: bool) -> None:
    """Add a user, or set a new password for one (asks for it twice)."""
    from sync.server import web_users

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password / 密码", hide_input=True, confirmation_prompt=True)
    admin_call(lambda: web_users.add_user(username, person_id, password))
    click.echo(f"{username} → {person_id}: OK")


@web_user.command("list")
def list_users() -> None:
    """List the users (never their passwords)."""
    from sync.server.admin_models import WebUser

    users = admin_call(lambda: list(WebUser.select().order_by(WebUser.username)))
    for user in users:
        state = "disabled" if user.disabled else ("locked" if user.locked_until else "active")
        click.echo(f"{user.username}  {user.person_id}  {state}  {user.created_at}")


@web_user.command("unlock")
@click.argument("username")
def unlock(username: str) -> None:
    """Let a locked user try again now."""
    from sync.server import web_users

    if not admin_call(lambda: web_users.unlock(username)):
        raise click.ClickException(t("admin.web_user.unknown", username=username))
    click.echo(t("admin.web_user.unlocked", username=username))
