"""The web server of `fieldapp web`: textual-serve with a sign-in in front of it.

`/login` (GET the form, POST the name and password) starts a session and sets its cookie
(HttpOnly, SameSite=Strict, Secure over HTTPS); `/` and the terminal's websocket `/ws`
answer only with a live session, and each websocket runs `python -m fieldapp` with that
session's FIELDAPP_HOME, so sessions never see each other's data. Signing out ends the
session (`Sessions.end`: its store synced, then deleted): `/logout` (GET or POST), and
quitting the program (ctrl+q), after which the page goes to the sign-in page in the
session's language — on a shared PC the next person finds no one signed in.
`/session` answers 204 while the cookie's session lives, 401 after: the page asks it
when the terminal closes, to tell a sign-out from a lost connection. Stopping the server
(ctrl+c, SIGTERM) closes the terminals and signs out every session still open, waiting
STOP_SECONDS at most for the central server; sessions it could not reach then are signed
out at the next start.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from fieldapp.i18n import LANGUAGES, said_in, t, written_in
from fieldapp.services.common.device_lock import WEB_SESSION_ENV
from fieldapp.web.page import sign_in_page
from fieldapp.web.sessions import COOKIE, Session, Sessions, SignInFailed

STOP_SECONDS = 10.0  # a stop waits this long for the central server to take the sign-outs
TEMPLATES = Path(__file__).parent / "templates"  # the terminal page: no request off this host
# textual-serve's page context (its handle_index before it renders the template), to which
# the session's words are added.
_TEXTUAL_SERVE_CONTEXT = Server.handle_index.__wrapped__  # type: ignore[attr-defined]


class SessionApp(AppService):
    """The TUI of one session: its own store, its language."""

    def __init__(self, session: Session, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session = session

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment["FIELDAPP_HOME"] = str(self.session.home)
        environment[WEB_SESSION_ENV] = "1"  # signed in: no device PIN (device_lock)
        return environment


class OfficeServer(Server):
    def __init__(
        self,
        sessions: Sessions,
        *,
        host: str,
        port: int,
        public_url: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        scheme = "https" if ssl_context is not None else "http"
        super().__init__(
            f"exec {sys.executable} -m fieldapp",  # the shell replaced: its child is ours
            host=host,
            port=port,
            title="网格化巡查",
            public_url=public_url or f"{scheme}://{host}:{port}",
            templates_path=TEMPLATES,  # textual-serve's page loads Google Fonts; ours nothing
        )
        self.sessions = sessions
        self.ssl_context = ssl_context
        self.secure_cookie = self.public_url.startswith("https")
        self.terminals: set[web.WebSocketResponse] = set()
        self.stopping_since: float | None = None  # the loop's time the stop began

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.add_routes(
            [
                web.get("/login", self.handle_login_page),
                web.post("/login", self.handle_login),
                web.get("/logout", self.handle_logout),
                web.post("/logout", self.handle_logout),
                web.get("/session", self.handle_session),
            ]
        )
        app.on_cleanup.append(self._sign_out_open_sessions)  # after the terminals ended
        return app

    async def on_startup(self, app: web.Application) -> None:
        await super().on_startup(app)
        self.sessions.finish_left_over()  # what the last stop could not sign out

    async def on_shutdown(self, app: web.Application) -> None:
        """Close the terminals, so each session's program ends before its last sync. The
        STOP_SECONDS count from here: the sign-outs get what the programs left of them."""
        self.stopping_since = asyncio.get_running_loop().time()
        closing = (terminal.close(code=WSCloseCode.GOING_AWAY) for terminal in self.terminals)
        await asyncio.gather(*closing, return_exceptions=True)

    async def _sign_out_open_sessions(self, app: web.Application) -> None:
        assert self.stopping_since is not None  # on_shutdown came first
        spent = asyncio.get_running_loop().time() - self.stopping_since
        await self.sessions.finish_all(max(STOP_SECONDS - spent, 1.0), say=_console)

    def _session(self, request: web.Request) -> Session | None:
        return self.sessions.get(request.cookies.get(COOKIE))

    async def handle_login_page(self, request: web.Request) -> web.Response:
        lang = _lang(request.query.get("lang"))
        note = "signed_out" if request.query.get("signed_out") else ""
        return web.Response(text=sign_in_page(lang, notice=note), content_type="text/html")

    async def handle_login(self, request: web.Request) -> web.Response:
        form = await request.post()
        lang = _lang(str(form.get("lang", "")))
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        try:
            cookie = await self.sessions.sign_in(username, password, lang)
        except SignInFailed as error:
            return web.Response(
                text=sign_in_page(lang, str(error)), content_type="text/html", status=401
            )
        response = web.HTTPFound(f"/?lang={lang}")
        response.set_cookie(
            COOKIE, cookie, httponly=True, samesite="Strict", secure=self.secure_cookie, path="/"
        )
        raise response

    async def handle_logout(self, request: web.Request) -> web.Response:
        session = self.sessions.take(request.cookies.get(COOKIE, ""))
        lang = session.lang if session else _lang(request.query.get("lang"))
        if session is not None:
            await self.sessions.finish(session)
        response = web.HTTPFound(f"/login?lang={lang}&signed_out=1")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def handle_session(self, request: web.Request) -> web.Response:
        return web.Response(status=401 if self._session(request) is None else 204)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> Any:
        session = self._session(request)
        if session is None:
            lang = request.query.get("lang")
            raise web.HTTPFound(f"/login?lang={_lang(lang)}" if lang else "/login")
        context: dict[str, Any] = await _TEXTUAL_SERVE_CONTEXT(self, request)
        with written_in(session.lang):
            context["page"] = {
                "lang": "en" if session.lang == "en" else "zh-CN",
                "closed": t("web.page.closed"),
                "reconnect": t("web.page.reconnect"),
                "sign_out": t("web.page.sign_out"),
                "signed_out_url": f"/login?lang={session.lang}&signed_out=1",
                "stopped": t("web.page.stopped"),
                "sign_in_again": t("web.page.sign_in_again"),
                "sign_in_url": f"/login?lang={session.lang}",
            }
        return context

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        session = self._session(request)
        if session is None:  # no session, so no language: the request's, else both
            lang = request.query.get("lang")
            said = [said_in(_lang(lang), "web.ws.sign_in_first")] if lang else [
                said_in(each, "web.ws.sign_in_first") for each in LANGUAGES
            ]  # fmt: skip
            raise web.HTTPUnauthorized(text="\n".join(said))
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        await websocket.prepare(request)
        self.terminals.add(websocket)
        command = self.command + (" --lang en" if session.lang == "en" else "")
        cookie = request.cookies.get(COOKIE, "")
        quit_session: list[Session] = []

        async def program_quit() -> None:
            """The program ended (ctrl+q): that signs out. The session is gone before the
            page hears of it, so the page finds the sign-in page, not this session again.
            Ended by the web front stopping, the session is left for finish_all, which
            signs out every one within STOP_SECONDS and says so."""
            if self.stopping_since is None and (taken := self.sessions.take(cookie)) is not None:
                quit_session.append(taken)
            await websocket.close()

        app_service = SessionApp(
            session, command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=program_quit, download_manager=self.download_manager, debug=self.debug,
        )  # fmt: skip
        try:
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self.terminals.discard(websocket)
            await app_service.stop()
            for ended in quit_session:
                await self.sessions.finish(ended)
        return websocket

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM, over TLS when a context was given."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(
            self._make_app(), host=self.host, port=self.port, ssl_context=self.ssl_context,
            print=lambda *args: None,
        )  # fmt: skip


def _console(line: str) -> None:
    """A line for whoever watches `fieldapp web` stop (its terminal, or systemd's journal)."""
    print(line, flush=True)


def _lang(value: str | None) -> str:
    return "en" if value == "en" else "zh"


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default
