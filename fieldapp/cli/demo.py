"""`fieldapp demo`: build a throw-away workspace with realistic data, then open the TUI on it.

The steps are separate functions so more can slot in between (the sync developer adds a
loopback server and enrolment between `prepare_workspace` and `open_tui`).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import nullcontext
from pathlib import Path

import click

from fieldapp.services.demo.workspace import ROLES, DemoInfo


def prepare_workspace(
    home: Path, *, venues: int, answers: int, seed: int, as_role: str
) -> DemoInfo | None:
    """Build the demo under `home`; a home that already holds a demo store is reused
    (only the role is switched) and None is returned."""
    from fieldapp.paths import store_path
    from fieldapp.services.demo.workspace import act_as, build_workspace
    from fieldapp.store.models import Venue
    from fieldapp.store.opening import close_store, open_store

    if store_path(home).exists():
        open_store(store_path(home))
        try:
            if Venue.select().exists():
                act_as(as_role)
                return None
        finally:
            close_store()
    return build_workspace(home, venues=venues, seed=seed, answers=answers, as_role=as_role)


def start_server(home: Path, as_role: str, lang: str | None = None) -> tuple[object | None, Path]:
    """Run the workspace's loopback server and enrol the device acting for `as_role`,
    saying so in `lang` (the records it makes are the default language's, as the
    workspace's). Returns (the server to stop afterwards or None, the device's home)."""
    from fieldapp.i18n import t, written_in
    from fieldapp.services.demo import server as demo_server

    def say(key: str, *, err: bool = False, **values: object) -> None:
        with written_in(lang) if lang else nullcontext():
            click.echo(t(key, **values), err=err)

    try:
        server = demo_server.start_demo_server(home)
    except (demo_server.DemoServerError, OSError, ValueError) as error:
        say("demo.server.failed", error=error, err=True)
        return None, home
    try:
        device = demo_server.prepare_device(home, server, as_role)
    except Exception as error:  # the TUI still opens; sync says what is wrong
        say("demo.server.failed", error=error, err=True)
        return server, demo_server.device_home(home, as_role)
    say("demo.server.started", url=server.url, db=server.db_url)
    with written_in(lang) if lang else nullcontext():
        role = t(f"role.{as_role}")
    say("demo.server.enrolled", device=device.device_id, name=device.person_name,
        role=role, home=device.home)  # fmt: skip
    for person, count in device.handed_in.items():
        say("demo.server.colleague", name=person, count=count)
    return server, device.home


def open_tui(home: Path, lang: str | None) -> None:
    """Point the program at the demo home and run the TUI there."""
    os.environ["FIELDAPP_HOME"] = str(home)
    try:
        from fieldapp.tui.startup import run_tui
    except ImportError as error:
        raise click.ClickException(
            f"the TUI is not available in this build ({error}); use --build-only"
        ) from None
    run_tui(lang=lang)


def _workspace_said(home: Path, info: DemoInfo | None, as_role: str, lang: str | None) -> str:
    """What was built (or that an existing demo is reused) and whom the device acts for,
    in `lang`."""
    from fieldapp.i18n import counts, t, written_in

    with written_in(lang) if lang else nullcontext():
        role = t(f"role.{as_role}")
        if info is None:
            return t("demo.workspace.reused", home=home, role=role)
        built = counts(
            ("demo.workspace.count.venues", info.venues),
            ("demo.workspace.count.inspections", info.inspections),
            ("demo.workspace.count.answers", info.answers),
            ("demo.workspace.count.open_findings", info.open_findings),
        )
        return t(
            "demo.workspace.built", home=home, counts=built, overdue=info.overdue_findings,
            seconds=f"{info.seconds:.1f}", role=role,
        )  # fmt: skip


@click.command()
@click.option("--venues", type=click.IntRange(min=1), default=360, show_default=True)
@click.option("--answers", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--build-only", is_flag=True)
@click.option("--as", "as_role", type=click.Choice(ROLES), default="inspector", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.option("--no-server", is_flag=True)
@click.pass_context
def demo(
    ctx: click.Context,
    venues: int,
    answers: int,
    home: Path | None,
    seed: int,
    build_only: bool,
    as_role: str,
    lang: str | None,
    no_server: bool,
) -> None:
    from fieldapp.i18n import written_in
    from fieldapp.services.demo.workspace import DemoError

    home = (home or Path(tempfile.mkdtemp(prefix="fieldapp-demo-"))).expanduser().resolve()
    store_role = as_role if no_server else "inspector"  # with a server: one device per role
    chosen = lang or (ctx.obj.get("lang") if ctx.obj else None)
    try:
        info = prepare_workspace(
            home, venues=venues, answers=answers, seed=seed, as_role=store_role
        )
    except DemoError as error:
        with written_in(chosen) if chosen else nullcontext():
            raise click.ClickException(str(error)) from None
    click.echo(_workspace_said(home, info, as_role, chosen))
    server, device_home = (None, home) if no_server else start_server(home, as_role, chosen)
    try:
        if build_only:
            return
        open_tui(device_home, chosen)
    finally:
        stop_server(server, chosen)


def stop_server(server: object | None, lang: str | None) -> None:
    """This window is done with the demo server (it stops when no other window uses it),
    saying so in `lang` when that takes more than a moment."""
    from fieldapp.i18n import t, written_in

    def say_stopping() -> None:
        with written_in(lang) if lang else nullcontext():
            click.echo(t("demo.server.stopping"))

    stop = getattr(server, "stop", None)
    if stop is not None:
        stop(waiting=say_stopping)
