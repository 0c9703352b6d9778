"""Office staff who sign in to `fieldapp web`: user names, Argon2id password hashes, lockout.

A successful sign-in answers a one-time enrolment code for the user's person (valid a few
minutes), so each browser session's office store enrols and syncs like any device: nothing
of the web reads the server's database behind the protocol's back. After MAX_FAILURES
wrong passwords in a row the name is locked for LOCK_MINUTES; an unknown name and a wrong
password get the same answer. Adding a user, setting a password and unlocking are entries
of the audit trail, written in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from fieldapp.i18n import t
from sync.server import audit
from sync.server import db as server_db
from sync.server.admin_models import WebUser
from sync.server.auth import IssuedCode, issue_enrollment_code
from sync.server.models import Person

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 10
CODE_HOURS = 0.1  # six minutes: the web front enrols at once
# A user name: 1 to 64 letters (Chinese characters too), digits, '.', '_' or '-'; no
# spaces or emoji, which blurred web-user list's columns and are hard to type to sign in.
NAME_RE = re.compile(r"[^\W_]([^\W]|[.\-]){0,63}")

_hasher = PasswordHasher()  # Argon2id with the library's current parameters


@functools.cache
def _dummy_hash() -> str:
    """What an unknown name's password is checked against, so that it costs as much as a
    known one's. Made when first needed (~0.2 s of CPU), not at every server start."""
    return _hasher.hash("an unknown user costs as much as a known one")


class SignInRefused(ValueError):
    """Wrong name or password, a locked or disabled name: the message says which, never
    whether the name exists."""


class Locked(SignInRefused):
    pass


def check_user(username: str, person_id: str) -> Person:
    """The person a new web user would act for, once the name and the person are good:
    checked before a password is asked for. Needs a connection."""
    if not NAME_RE.fullmatch(username.strip()):  # one word: web-user list keeps its columns
        raise ValueError(t("admin.web_user.bad_name", username=username))
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValueError(t("admin.no_person", person=person_id))
    return person


def password_refused(password: str) -> str | None:
    """Why a web user's password will not do (too short), or None."""
    if len(password) < MIN_PASSWORD:
        return t("admin.web_user.short_password", count=MIN_PASSWORD)
    return None


def add_user(username: str, person_id: str, password: str) -> None:
    """Add or replace a web user. Needs a connection."""
    check_user(username, person_id)
    refused = password_refused(password)
    if refused:
        raise ValueError(refused)
    username = username.strip()
    with server_db.write_transaction():
        known = WebUser.get_or_none(WebUser.username == username)
        WebUser.insert(
            username=username, person=person_id, password_hash=_hasher.hash(password),
            created_at=server_db.now_iso(),
        ).on_conflict(
            conflict_target=[WebUser.username],
            update={WebUser.person: person_id, WebUser.password_hash: _hasher.hash(password),
                    WebUser.failures: 0, WebUser.locked_until: "", WebUser.disabled: False},
        ).execute()  # fmt: skip
        detail = {"person": person_id, "replaced": known is not None}
        if known is not None and known.person_id != person_id:
            detail["was_person"] = known.person_id
        audit.record(audit.WEB_USER_ADDED, subject=username, detail=detail)


def unlock(username: str) -> bool:
    """Let a locked name try again now; False when there is no such user."""
    with server_db.write_transaction():
        user = WebUser.get_or_none(WebUser.username == username)
        if user is None:
            return False
        WebUser.update(failures=0, locked_until="").where(WebUser.username == username).execute()
        detail = {"was_locked_until": user.locked_until, "failures": user.failures}
        audit.record(audit.WEB_USER_UNLOCKED, subject=username, detail=detail)
    return True


def sign_in(username: str, password: str, now: dt.datetime | None = None) -> IssuedCode:
    """Check the password; on success an enrolment code for the user's person."""
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    user = WebUser.get_or_none(WebUser.username == username)
    if user is None or user.disabled:
        _verify(_dummy_hash(), password)
        raise SignInRefused("wrong user name or password")
    if user.locked_until and user.locked_until > stamp:
        raise Locked(
            f"too many wrong passwords: this name is locked until {user.locked_until[:16]} UTC; "
            "wait, or ask the administrator to unlock it"
        )
    if not _verify(user.password_hash, password):
        failures = user.failures + 1
        locked = ""
        if failures >= MAX_FAILURES:
            locked = (now + dt.timedelta(minutes=LOCK_MINUTES)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            failures = 0
        with server_db.write_transaction():
            WebUser.update(failures=failures, locked_until=locked).where(
                WebUser.username == username
            ).execute()
        raise SignInRefused("wrong user name or password")
    if user.failures or user.locked_until:
        with server_db.write_transaction():
            WebUser.update(failures=0, locked_until="").where(
                WebUser.username == username
            ).execute()
    return issue_enrollment_code(user.person_id, hours=CODE_HOURS)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
