"""`fieldapp web`: the office's program in a browser (textual-serve behind a sign-in)."""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldapp.cli.common import use_language
from fieldapp.i18n import t

if TYPE_CHECKING:
    import ssl

LOOPBACK_NAMES = ("localhost",)


def _loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--server", "server_url", required=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--home", "home", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--tls-cert", type=click.Path(dir_okay=False, exists=True), default=None)
@click.option("--tls-key", type=click.Path(dir_okay=False, exists=True), default=None)
@click.option("--public-url", default=None)
@click.option("--behind-tls-proxy", is_flag=True)
@click.option("--idle-minutes", default=30.0, show_default=True, type=click.FloatRange(1, 24 * 60))
@click.option("--insecure-http", is_flag=True)
@click.option("--ca-bundle", type=click.Path(dir_okay=False), default=None)
@click.pass_context
def web(
    ctx: click.Context, server_url: str, host: str, port: int, home: Path | None,
    tls_cert: str | None, tls_key: str | None, public_url: str | None, behind_tls_proxy: bool,
    idle_minutes: float, insecure_http: bool, ca_bundle: str | None,
) -> None:  # fmt: skip
    # Options that cannot serve are refused as click's usage errors (exit status 2), so the
    # root says them in the chosen language after "错误：" / "Error:".
    from fieldapp.paths import data_home
    from fieldapp.web.server import OfficeServer
    from fieldapp.web.sessions import HomeInUse, Sessions
    from sync.client.base import InsecureURL, UnreadableCABundle, check_url

    use_language(ctx)
    try:  # else it served, and each sign-in said the server could not be reached
        check_url(server_url, allow_insecure_http=True)
    except InsecureURL:
        raise click.UsageError(t("cli.web.bad_server", url=server_url), ctx) from None
    try:  # else each sign-in sent the office user's password to it in plain text
        check_url(server_url, allow_insecure_http=insecure_http)
    except InsecureURL:
        raise click.UsageError(t("cli.web.insecure_server", url=server_url), ctx) from None
    if bool(tls_cert) != bool(tls_key):
        raise click.UsageError(t("cli.web.tls_pair"), ctx)
    context = _tls_context(ctx, tls_cert, tls_key) if tls_cert and tls_key else None
    if not _loopback(host) and context is None and not behind_tls_proxy:
        raise click.UsageError(t("cli.web.plain_http", host=host), ctx)
    if behind_tls_proxy and not public_url:
        public_url = f"https://{host}"
    _check_listening(ctx, host, port)  # before anything is said to be served there
    try:
        sessions = Sessions(
            home or data_home() / "web", server_url, idle_minutes=idle_minutes,
            insecure_http=insecure_http, ca_bundle=ca_bundle or "",
        )  # fmt: skip
    except UnreadableCABundle:
        raise click.UsageError(t("cli.web.ca_bundle", path=ca_bundle), ctx) from None
    except HomeInUse as busy:
        raise click.UsageError(t("cli.web.home_in_use", home=busy.root), ctx) from None
    OfficeServer(sessions, host=host, port=port, public_url=public_url, ssl_context=context).serve()


def _check_listening(ctx: click.Context, host: str, port: int) -> None:
    """A usage error when `host:port` cannot be listened on (another program holds the
    port): aiohttp would say it only after the start was announced, as a traceback. The
    socket is closed again at once; aiohttp binds it with SO_REUSEADDR, as this does."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        said = "cli.web.port_in_use" if error.errno == errno.EADDRINUSE else "cli.web.cannot_listen"
        raise click.UsageError(t(said, host=host, port=port), ctx) from None


class _Passphrase(Exception):
    """The private key asked for a passphrase: the server starts unattended, so none is typed."""


def _no_passphrase() -> str:
    raise _Passphrase


def _tls_context(ctx: click.Context, cert: str, key: str) -> ssl.SSLContext:
    """The server's TLS context from its certificate and key, or a usage error that says
    which of the two cannot serve and why (ssl said only "[SSL] PEM lib", as a traceback)."""
    import ssl

    try:  # the certificate alone first, so a bad one is not blamed on the key
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=cert)
    except OSError:  # ssl.SSLError included
        raise click.UsageError(t("cli.web.tls_cert", path=cert), ctx) from None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key, password=_no_passphrase)
    except _Passphrase:
        raise click.UsageError(t("cli.web.tls_key_passphrase", key_file=key), ctx) from None
    except OSError as error:  # ssl.SSLError is one; a key that cannot be read is another
        paired = getattr(error, "reason", None) != "KEY_VALUES_MISMATCH"
        said = "cli.web.tls_key" if paired else "cli.web.tls_mismatch"
        raise click.UsageError(t(said, key_file=key, cert=cert), ctx) from None
    return context
