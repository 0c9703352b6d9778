"""The web server of `fieldapp web`: textual-serve with a sign-in in front of it.

`/login` (GET the form, POST the name and password) starts a session and sets its cookie
(HttpOnly, SameSite=Strict, Secure over HTTPS); `/` and the terminal's websocket `/ws`
answer only with a live session, and each websocket runs `python -m fieldapp` with that
session's FIELDAPP_HOME, so sessions never see each other's data. `/logout` ends the
session and deletes its store.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from fieldapp.services.common.device_lock import WEB_SESSION_ENV
from fieldapp.web.page import sign_in_page
from fieldapp.web.sessions import COOKIE, Session, Sessions, SignInFailed

TEMPLATES = Path(__file__).parent / "templates"  # the terminal page: no request off this host


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
            f"{sys.executable} -m fieldapp",
            host=host,
            port=port,
            title="网格化巡查",
            public_url=public_url or f"{scheme}://{host}:{port}",
            templates_path=TEMPLATES,  # textual-serve's page loads Google Fonts; ours nothing
        )
        self.sessions = sessions
        self.ssl_context = ssl_context
        self.secure_cookie = self.public_url.startswith("https")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.add_routes(
            [
                web.get("/login", self.handle_login_page),
                web.post("/login", self.handle_login),
                web.post("/logout", self.handle_logout),
            ]
        )
        return app

    def _session(self, request: web.Request) -> Session | None:
        return self.sessions.get(request.cookies.get(COOKIE))

    async def handle_login_page(self, request: web.Request) -> web.Response:
        lang = "en" if request.query.get("lang") == "en" else "zh"
        return web.Response(text=sign_in_page(lang), content_type="text/html")

    async def handle_login(self, request: web.Request) -> web.Response:
        form = await request.post()
        lang = "en" if form.get("lang") == "en" else "zh"
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
        await self.sessions.end(request.cookies.get(COOKIE, ""))
        response = web.HTTPFound("/login")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def handle_index(self, request: web.Request) -> Any:
        if self._session(request) is None:
            raise web.HTTPFound("/login")
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        session = self._session(request)
        if session is None:
            raise web.HTTPUnauthorized(text="sign in first: /login")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        await websocket.prepare(request)
        command = self.command + (" --lang en" if session.lang == "en" else "")
        app_service = SessionApp(
            session, command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=websocket.close, download_manager=self.download_manager, debug=self.debug,
        )  # fmt: skip
        try:
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            await app_service.stop()
        return websocket

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM, over TLS when a context was given."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(
            self._make_app(), host=self.host, port=self.port, ssl_context=self.ssl_context,
            print=lambda *args: None,
        )  # fmt: skip


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default
