"""Browser sessions of `fieldapp web`: sign-in, an office store each, idle expiry.

Signing in posts the name and password to the central server (`/api/v1/web/login`), which
answers a one-time enrolment code; a new store directory (0700) is enrolled with it and
synced once, by `fieldapp enroll` and `fieldapp sync` run as subprocesses with that
directory as FIELDAPP_HOME — so two sessions never share a store, even of the same user.
The session cookie is random and lives only in this process's memory. Ending a session
(sign-out, or idle too long) syncs its store and deletes it only when the sync went through,
its device then signing out at the server (`fieldapp.web.sign_out`). When the web front
stops, every session still open ends so (`finish_all`), for a few seconds at most; a store
whose sync did not get through is kept and finished at the next start (`finish_left_over`).
"""

from __future__ import annotations

import asyncio
import fcntl
import math
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fieldapp.i18n import t, written_in
from fieldapp.services.common.device_lock import WEB_SESSION_ENV
from sync.client.base import server_verification

COOKIE = "fieldapp_session"
SIGN_OUT = "fieldapp.web.sign_out"

# The central server's ErrorBody codes for a refused sign-in -> what to tell the person.
_REFUSALS = {
    "sign_in_refused": "web.sign_in.wrong_password",
    "locked": "web.sign_in.locked",
}


class HomeInUse(Exception):
    """Another `fieldapp web` serves from this `--home`: its sessions' stores are there."""

    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root


class SignInFailed(Exception):
    """Why signing in did not work, as a sentence for the page."""


def _say(lang: str, key: str, **values: object) -> str:
    """A message in the sign-in page's language (each request has its own; not awaited
    inside, so no other request's text is written in it)."""
    with written_in(lang):
        return t(key, **values)


def _hold(root: Path) -> int:
    """This process's hold on `root` for as long as it runs (the system lets go when it
    exits, however it exits); HomeInUse when another holds it. Two fronts on one `--home`
    would each take the other's session stores for left over and sign them out."""
    fd = os.open(root / "serving.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise HomeInUse(root) from None
    return fd


@dataclass
class Session:
    username: str
    home: Path
    lang: str
    last_seen: float = field(default_factory=time.monotonic)


class Sessions:
    def __init__(
        self,
        root: Path,
        server_url: str,
        *,
        idle_minutes: float = 30.0,
        insecure_http: bool = False,
        ca_bundle: str = "",
    ) -> None:
        """`ca_bundle`: the PEM file of the private CA that signed the server's certificate
        (UnreadableCABundle when it cannot be read); each session's store is enrolled with it."""
        self.root = root
        self.server_url = server_url.rstrip("/")
        self.idle_seconds = idle_minutes * 60
        self.insecure_http = insecure_http
        self.ca_bundle = os.path.abspath(ca_bundle) if ca_bundle else ""
        self.verify = server_verification(self.ca_bundle)
        self._by_cookie: dict[str, Session] = {}
        self._closing: set[asyncio.Future[object]] = set()
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(root, 0o700)
        self._hold = _hold(root)

    def get(self, cookie: str | None) -> Session | None:
        """The live session of a cookie, refreshed; None when unknown or idle too long."""
        session = self._by_cookie.get(cookie or "")
        if session is None:
            return None
        if time.monotonic() - session.last_seen > self.idle_seconds:
            self._background(self.end(cookie or ""))
            return None
        session.last_seen = time.monotonic()
        return session

    async def end(self, cookie: str) -> None:
        """End a session: `take` it, then `finish` it."""
        session = self.take(cookie)
        if session is not None:
            await self.finish(session)

    def take(self, cookie: str) -> Session | None:
        """The session of a cookie, no longer live: its cookie signs in no more."""
        return self._by_cookie.pop(cookie, None)

    async def finish(self, session: Session) -> bool:
        """Sync what a taken session recorded, then delete its store — but keep the
        store when the sync did not go through, so nothing recorded is lost. True when
        the store was synced and deleted."""
        extra = ["--insecure-http"] if self.insecure_http else []
        if await self._fieldapp(session.home, "sync", *extra, check=False) != 0:
            return False
        # Its device retires (fieldapp.web.sign_out): one sign-in, one device in use.
        await self._fieldapp(session.home, *extra, check=False, module=SIGN_OUT)
        shutil.rmtree(session.home, ignore_errors=True)
        return True

    async def finish_all(self, seconds: float, say: Callable[[str], None]) -> None:
        """End every session still open, and wait for those already ending (idle), all at
        once and for `seconds` at most: the web front is stopping. What the central server
        did not take by then is stopped midway; its store stays for `finish_left_over`.
        `say` is told how many are signed out, then each one's outcome, as it comes."""
        open_sessions = [self.take(cookie) for cookie in list(self._by_cookie)]
        ending = [session for session in open_sessions if session is not None]
        if ending:
            say(t("web.stop.signing_out", count=len(ending), seconds=math.ceil(seconds)))
        answered: list[Session] = []

        async def one(session: Session) -> None:
            device = f"web:{session.username}"
            done = await self.finish(session)
            answered.append(session)
            say(t("web.stop.signed_out" if done else "web.stop.kept", device=device))

        everything = asyncio.gather(
            *(one(session) for session in ending), *self._closing, return_exceptions=True
        )
        try:
            await asyncio.wait_for(everything, seconds)
        except TimeoutError:  # wait_for cancelled them: each one's subprocess killed
            if unanswered := len(ending) - len(answered):
                say(t("web.stop.timed_out", count=unanswered, seconds=math.ceil(seconds)))

    def finish_left_over(self) -> None:
        """Finish, in the background, the stores of sessions that ended without their last
        sync getting through (the central server down at sign-out, or at the last stop)."""
        for home in sorted(path for path in self.root.iterdir() if path.is_dir()):
            self._background(self.finish(Session("", home, "zh")))

    def _background(self, ending: Coroutine[Any, Any, object]) -> None:
        closing = asyncio.ensure_future(ending)
        self._closing.add(closing)  # held until done, so it is not collected midway
        closing.add_done_callback(self._closing.discard)

    async def sign_in(self, username: str, password: str, lang: str) -> str:
        """Check the password with the server, enrol and sync a new store; the cookie.
        SignInFailed says why not in `lang`, the sign-in page's language."""
        if not username.strip() or not password:  # the server would refuse it as malformed
            raise SignInFailed(_say(lang, "web.sign_in.blank"))
        code = await self._enrolment_code(username, password, lang)
        home = self.root / secrets.token_hex(8)
        home.mkdir(mode=0o700)
        try:
            extra = ["--insecure-http"] if self.insecure_http else []
            trust = ["--ca-bundle", self.ca_bundle] if self.ca_bundle else []
            speak = ["--lang", "en"] if lang == "en" else []
            await self._fieldapp(home, *speak, "enroll", self.server_url, code, "--name",
                                 f"web:{username}", *extra, *trust)  # fmt: skip
            await self._fieldapp(home, "sync", *extra, check=False)  # pending photos are fine
        except (SignInFailed, asyncio.CancelledError):  # refused, or the web front stops
            shutil.rmtree(home, ignore_errors=True)
            raise
        cookie = secrets.token_urlsafe(32)
        self._by_cookie[cookie] = Session(username, home, lang)
        return cookie

    async def _enrolment_code(self, username: str, password: str, lang: str) -> str:
        """The one-time code the central server gives for a right name and password."""
        url = self.server_url
        try:
            async with httpx.AsyncClient(timeout=15, verify=self.verify) as client:
                answer = await client.post(
                    f"{url}/api/v1/web/login", json={"username": username, "password": password}
                )
        except httpx.HTTPError:
            raise SignInFailed(_say(lang, "web.sign_in.unreachable", url=url)) from None
        try:
            body = answer.json()
        except ValueError:  # an error page, or nonsense: not the central server's answer
            body = None
        if not isinstance(body, dict):
            if answer.status_code == 200:
                raise SignInFailed(_say(lang, "web.sign_in.unreadable", url=url))
            raise SignInFailed(
                _say(lang, "web.sign_in.not_fieldapp", url=url, status=answer.status_code)
            )
        if answer.status_code != 200:
            key = _REFUSALS.get(str(body.get("error") or ""), "web.sign_in.refused")
            raise SignInFailed(_say(lang, key, status=answer.status_code))
        code = body.get("code")
        if not isinstance(code, str) or not code:
            raise SignInFailed(_say(lang, "web.sign_in.unreadable", url=url))
        return code

    async def _fieldapp(
        self, home: Path, *args: str, check: bool = True, module: str = "fieldapp"
    ) -> int:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, *args,
            env={**os.environ, "FIELDAPP_HOME": str(home), WEB_SESSION_ENV: "1"},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        try:
            output, _ = await process.communicate()
        except asyncio.CancelledError:  # the web front stops and cannot wait any longer
            process.kill()
            await process.wait()
            raise
        if check and process.returncode != 0:
            text = output.decode("utf-8", "replace").strip().splitlines()
            raise SignInFailed(text[-1] if text else f"fieldapp {' '.join(args[:3])} failed")
        return int(process.returncode or 0)
