"""`fieldapp enroll URL CODE` and `fieldapp sync`: this device and the central server."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from fieldapp.cli.common import open_local_store, unlock_personal_data, use_language
from fieldapp.cli.params import NegativeNumbers
from fieldapp.i18n import t

if TYPE_CHECKING:
    from sync.client import SyncResult

EXIT_INCOMPLETE = 1  # something was refused, failed or is still waiting
EXIT_NOT_ENROLLED = 3


def _role(role: str) -> str:
    """The role as the UI names it (网格员 / Inspector); a role newer than this program as
    the server gave it."""
    key = f"role.{role}"
    named = t(key)
    return role if named == key else named


@click.command()
@click.argument("url")
@click.argument("code")
@click.option("--name", "device_name", default="")
@click.option("--insecure-http", is_flag=True)
@click.option("--ca-bundle", type=click.Path(dir_okay=False), default=None)
@click.pass_context
def enroll(
    ctx: click.Context,
    url: str,
    code: str,
    device_name: str,
    insecure_http: bool,
    ca_bundle: str | None,
) -> None:
    import platform

    from fieldapp.services.syncing.problems import describe
    from sync.client import SyncError, enroll_device

    use_language(ctx)
    open_local_store(unenrolled_too=True)
    try:
        answer = enroll_device(
            url, code, device_name=device_name or platform.node(),
            ca_bundle=ca_bundle or "", allow_insecure_http=insecure_http,
        )  # fmt: skip
    except SyncError as error:
        said = t("sync.enroll.failed", error=unstopped(describe(error, url)))
        raise click.ClickException(said) from None
    person = answer.person
    grids = ", ".join(answer.grids) or "-"
    click.echo(
        t(
            "sync.enrolled",
            device=answer.device_id,
            name=person.name,
            role=_role(person.role),
            grids=grids,
        )
    )
    click.echo(t("sync.enroll.next"))


def unstopped(said: str) -> str:
    """A problem without its own full stop, for a line that ends it with one (a refused
    enrolment code is said as a sentence; a network problem is not)."""
    return said.rstrip("。.")


class _PhaseBars:
    """One click progress bar per phase, fed by SyncClient's progress callback. The client
    reports its photo work after the pull (video and audio up, photos down) as "photos"
    too: labelled as the first, it printed 上传照片 twice."""

    def __init__(self) -> None:
        self.phase = ""
        self.bar: Any = None
        self.pulled = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.pulled = self.pulled or phase == "pull"
            key = "sync.phase.media" if phase == "photos" and self.pulled else f"sync.phase.{phase}"
            self.bar = click.progressbar(length=max(total, 1), label=t(key))
            self.bar.__enter__()
        if total > self.bar.length:
            self.bar.length = total
        self.bar.update(max(done - self.bar.pos, 0))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("sync")
@click.option("--insecure-http", is_flag=True)
@click.pass_context
def sync_command(ctx: click.Context, insecure_http: bool) -> None:
    from fieldapp.services.syncing.conflicts import conflict_line, name_conflicts
    from fieldapp.services.syncing.media_problems import warnings_in_words
    from fieldapp.services.syncing.problems import errors_in_words, retry_hint
    from fieldapp.services.syncing.runs import after_sync
    from fieldapp.store.personal_data import LOCKED_OPS_WARNING

    use_language(ctx)
    open_local_store(unenrolled_too=True)
    result = _sync_with_bars(insecure_http)
    after_sync(result)
    if LOCKED_OPS_WARNING in result.warnings:  # people records held back behind the PIN:
        unlock_personal_data()  # asked here, as export does (ctrl+l is the app's key)
        result = _sync_with_bars(insecure_http)
        after_sync(result)
    if result.new_epoch:
        click.echo(t("sync.new_epoch"))
    if not result.errors:  # else the error is the outcome: one line, not "done" and "failed"
        click.echo(
            t("sync.done", pushed=result.pushed, pulled=result.pulled, count=result.blobs_uploaded)
        )
    for warning in warnings_in_words(result):  # a photo by its record, not its hash
        click.echo(t("sync.warning", warning=warning))
    name_conflicts(result)
    for conflict in result.conflicts:
        click.echo(t("sync.conflict", reason=conflict_line(conflict)))
    if result.rejected:
        click.echo(t("sync.rejected.title", count=len(result.rejected)), err=True)
        for op in result.rejected:
            click.echo(
                t("sync.rejected.item", seq=op.seq, type=op.type, reason=op.reason), err=True
            )
    for problem in errors_in_words(result, _recorded_url()):
        click.echo(t("sync.error", error=unstopped(problem)), err=True)
    seconds = retry_hint(result)
    if seconds is not None:
        click.echo(t("sync.retry", seconds=seconds), err=True)
    if result.pending:
        click.echo(t("sync.pending", count=result.pending), err=True)
    sys.exit(0 if result.ok else EXIT_INCOMPLETE)


def _sync_with_bars(insecure_http: bool) -> SyncResult:
    bars = _PhaseBars()
    try:
        return _sync_once(insecure_http, bars)
    finally:
        bars.close()


def _sync_once(insecure_http: bool, bars: _PhaseBars) -> SyncResult:
    """One sync of the enrolment on record, or why it could not start (as a result);
    exits when this device must be enrolled (again) first."""
    from fieldapp.cli.checks import fail
    from fieldapp.services.syncing.runs import not_started
    from sync.client import DeviceNotEnrolled, InsecureURL, SyncClient, UnreadableCABundle

    try:
        with SyncClient.from_store(allow_insecure_http=insecure_http) as client:
            return client.sync_once(bars)
    except DeviceNotEnrolled as error:
        bars.close()
        click.echo(t("sync.not_enrolled", error=error), err=True)
        sys.exit(EXIT_NOT_ENROLLED)
    except InsecureURL:
        fail(t("cli.sync.bad_url", url=_recorded_url()))
    except UnreadableCABundle as error:  # nothing was sent: every op still waits
        return not_started(error)


def _recorded_url() -> str:
    from fieldapp.store.models import SyncState

    state = SyncState.get_or_none(SyncState.id == 1)
    return str(state.server_url) if state is not None else ""


@click.command("device-info")
@click.pass_context
def device_info(ctx: click.Context) -> None:
    from fieldapp.paths import data_home
    from fieldapp.services.common.identity import device_info as read_device_info

    use_language(ctx)
    open_local_store(unenrolled_too=True)
    info = read_device_info()
    if not info.device_id:  # which directory it read: a FIELDAPP_HOME forgotten shows
        click.echo(t("device_info.not_enrolled", home=data_home()))
        sys.exit(EXIT_NOT_ENROLLED)
    none = t("device_info.none")
    lines = [
        ("device_info.data_home", str(data_home())),
        ("device_info.device", info.device_id),
        ("device_info.person", t("device_info.person.named", name=info.person_name,
            id=info.person_id, role=_role(info.role)) if info.person_name
            else info.person_id or none),
        ("device_info.server", info.server_url or none),
        *([("device_info.ca_bundle", info.ca_bundle)] if info.ca_bundle else []),
        ("device_info.token", t("device_info.token.held" if info.has_token else "device_info.token.none")),
        ("device_info.epoch", info.server_epoch or none),
        ("device_info.last_sync", info.last_sync_at or none),
        ("device_info.outbox", t("device_info.outbox.counts", pending=info.pending,
            rejected=info.rejected)),
    ]  # fmt: skip
    for key, value in lines:
        click.echo(t("device_info.line", label=t(key), value=value))


@click.command("idle-lock", cls=NegativeNumbers)
@click.argument("minutes", type=float, required=False)
@click.pass_context
def idle_lock(ctx: click.Context, minutes: float | None) -> None:
    from fieldapp.services.common import device_lock

    use_language(ctx)
    open_local_store(unenrolled_too=True)  # a setting of the device, before enrolment too
    if minutes is not None:
        try:
            device_lock.set_idle_lock_minutes(minutes)
        except ValueError:
            raise click.ClickException(
                t(
                    "idle_lock.range",
                    low=f"{device_lock.SHORTEST_IDLE_LOCK_MINUTES:g}",
                    high=f"{device_lock.LONGEST_IDLE_LOCK_MINUTES:g}",
                )
            ) from None
    click.echo(t("idle_lock.now", minutes=f"{device_lock.idle_lock_minutes():g}"))
