"""What the sync client shares with its callers: errors, results, URL rules, backoff."""

from __future__ import annotations

import ipaddress
import random
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from fieldapp.domain.returns import ReturnedInspection
from fieldapp.paths import blobs_dir
from fieldapp.store.storage_full import StorageFull, is_storage_full

Progress = Callable[[str, int, int], None]  # (phase, done, total); total 0 = unknown
PHASES = ("photos", "push", "pull")  # photos: uploads first; downloads after the pull


class SyncError(Exception):
    """A sync problem; the message tells a person what happened and what to do."""


class DeviceNotEnrolled(SyncError):
    def __init__(self, detail: str = "") -> None:
        message = "this device must be enrolled again"
        super().__init__(f"{message} ({detail})" if detail else message)


class DeviceRevoked(DeviceNotEnrolled):
    """The server says this device was revoked (its 401 says `device_revoked`): the device
    deletes the people data it holds."""


REVOKED_CODE = "device_revoked"


class InsecureURL(SyncError):
    pass


class ServerUnavailable(SyncError):
    """The server could not be reached or kept failing; try again later. `status`: the
    HTTP status it kept failing with, 0 when it could not be reached, None for another
    reason (the message says which)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BrokenAnswer(ServerUnavailable):
    """Something answered at the address, but not in HTTP or broke off mid-answer (another
    service on the port, a proxy cutting the answer): the network is fine."""


class SilentServer(ServerUnavailable):
    """The server took the connection and did not answer in `seconds`: not tried again,
    so a sync does not wait through every retry's full timeout."""

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


def unreached(
    error: httpx.TransportError, timeout: float, where: str = "the server"
) -> ServerUnavailable:
    """What a failed call says, by how it failed: no answer in time, an answer that is not
    HTTP or broke off, or no connection (`status` 0)."""
    said = f"{type(error).__name__}: {error}"
    if isinstance(error, httpx.ReadTimeout):
        return SilentServer(f"the server did not answer in {timeout:g} s ({said})", timeout)
    if isinstance(error, httpx.RemoteProtocolError):
        return BrokenAnswer(f"the server's answer broke off or was not HTTP ({said})")
    return ServerUnavailable(f"cannot reach {where} ({said})", 0)


class UntrustedServer(ServerUnavailable):
    """The server's TLS certificate failed the check (e.g. a CA this device does not trust)."""


class NotFieldappServer(SyncError):
    """The address answered, but as no fieldapp server does (a web server's 404 page, a
    501 for a POST): the address is wrong, and trying again will not change that."""

    def __init__(self, url: str, status: int, reason: str = "") -> None:
        said = f"HTTP {status}: {reason}" if reason else f"HTTP {status}"
        super().__init__(f"{url} answers, but is not a fieldapp server ({said}): check the address")
        self.url, self.status, self.reason = url, status, reason


class UnreadableAnswer(SyncError):
    """The server answered something that is not a fieldapp answer (not JSON, or not the
    shape this version knows): a wrong address, or a server of another version."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"the server at {url} answered something that is not a fieldapp answer: check "
            "the server address, or ask the administrator about the server's version"
        )
        self.url = url


class UnreadableCABundle(SyncError):
    """The CA certificates to check the server with cannot be read or hold no certificate."""


class ServerRefused(SyncError):
    """The server refused a call (4xx) that is not about one op; `code` is its ErrorBody
    `error` when it gave one."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


def default_blob_path(sha256: str) -> Path:
    """Where the field program keeps a photo (fieldapp.services.common.photos stores `<sha>.jpg`)."""
    return blobs_dir() / f"{sha256}.jpg"


def check_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """The base URL without a trailing slash; plain http only for loopback or when allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureURL(f"{url!r} is not a server address (use https://host[:port])")
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise InsecureURL(
            f"{url} is plain http to another machine: use https, or allow insecure http "
            "explicitly on a network you trust"
        )
    return url.rstrip("/")


def server_verification(ca_bundle: str = "", *, enrolled: bool = False) -> ssl.SSLContext | bool:
    """What httpx checks the server's certificate with (its `verify=`): the public CAs
    (certifi) when `ca_bundle` is "", else an SSL context trusting the CA certificates in
    that PEM file — a town office's intranet server signed by a private CA. (httpx 0.28
    deprecates a path as `verify=`.) `enrolled`: the file is the one recorded at
    enrolment, so the remedy is to put it back or enrol again."""
    if not ca_bundle:
        return True
    try:
        return ssl.create_default_context(cafile=ca_bundle)
    except ssl.SSLError as error:  # before OSError: an SSLError is one
        problem = f"is not a file of PEM certificates ({error.reason or error})"
    except OSError as error:
        problem = f"cannot be read ({error.strerror or error})"
    if enrolled:
        raise UnreadableCABundle(
            f"the CA certificate file this device was enrolled with ({ca_bundle}) {problem}: "
            "put the file back or enrol again with --ca-bundle"
        )
    raise UnreadableCABundle(
        f"the CA certificate file {ca_bundle} {problem}: give the PEM file of the CA that "
        "signed the server's certificate"
    )


def untrusted_server(base_url: str, error: httpx.TransportError) -> UntrustedServer | None:
    """What to say when `error` is the server's certificate failing the check (None when
    it is another network error)."""
    if "CERTIFICATE_VERIFY_FAILED" not in str(error):
        return None
    return UntrustedServer(
        f"the certificate of {base_url} cannot be trusted ({error}): "
        "if the office signs its servers with its own CA, enrol with --ca-bundle and that "
        "CA's PEM file"
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Backoff:
    """Exponential backoff with full jitter: uniform(0, min(cap, base * 2**attempt))."""

    def __init__(self, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None):
        self.base, self.cap, self.rng = base, cap, rng or random.Random()

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** min(attempt, 30)))


@dataclass
class RejectedOp:
    op_id: str
    seq: int
    type: str
    reason: str  # the server's, in English
    # The refusal's code and parameters (sync.protocol.refusals); None from a server
    # that gives none, or for a refusal of the whole request.
    code: str | None = None
    params: dict[str, str] | None = None


@dataclass(frozen=True)
class Verdict:
    """The server's verdict on a scan this device claimed (sync.client.verdicts)."""

    inspection_id: str
    venue: str  # the venue's name on this device
    check: str  # verified | unverified
    reason: str  # why a claimed scan did not verify ("" when it did)
    submitted_at: str


@dataclass(frozen=True)
class Conflict:
    """A conflict the server recorded for one of this device's events: its reason as the
    fold words it (English), the op's type and the record its payload names, and what a
    person calls that record (`about`, filled from the store by
    fieldapp.services.syncing.conflicts; empty when the device does not hold it)."""

    reason: str
    op_type: str = ""
    record_id: str = ""
    about: str = ""


@dataclass(frozen=True)
class MediaProblem:
    """A photo, video or audio file that did not go up or come down, kept apart for a
    person to be told by what it belongs to (fieldapp.services.syncing.media_problems);
    `logged` is its English warning, which names it by its hash for the log."""

    sha256: str
    problem: str  # missing | damaged | refused | arrived_damaged | not_stored
    logged: str
    reason: str = ""  # the server's (refused) or the system's (not_stored), in English
    code: str = ""  # the server's error code (refused), e.g. blob_too_large


@dataclass(frozen=True)
class Replaced:
    """A person's field as this device last wrote it, replaced by a pull with another
    person's value (two devices edited it offline: the later sync stands), said so the
    person whose value went learns of it."""

    member_id: str
    person: str  # the member's name
    field: str  # "note", "birth_year" or "name"
    mine: str
    theirs: str
    by: str  # who wrote it (their name; their id when not on this device)


@dataclass
class SyncResult:
    pushed: int = 0  # ops the server answered applied or duplicate
    rejected: list[RejectedOp] = field(default_factory=list)
    pulled: int = 0
    pulled_types: set[str] = field(default_factory=set)  # the kinds of record pulled
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0  # photos of other devices fetched after the pull
    blobs_waiting: int = 0  # referenced photos still not on this device (next sync)
    pending: int = 0  # ops still waiting after this run
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    media_problems: list[MediaProblem] = field(default_factory=list)  # also in warnings
    conflicts: list[Conflict] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)  # my last edits, replaced by a pull
    verdicts: list[Verdict] = field(default_factory=list)  # learnt in this run's pull
    returns: list[ReturnedInspection] = field(default_factory=list)  # mine, returned (news)
    new_epoch: bool = False
    rescoped: bool = False  # the person's grids or role changed: pulled again from the start
    retry_in: float | None = None  # seconds until the next attempt is sensible
    failure: SyncError | None = None  # what stopped the run, for a sentence in the UI
    storage_full: str = ""  # the error said when the device's storage was full, if it was

    @property
    def ok(self) -> bool:
        """Everything went through: no errors, nothing refused, nothing left waiting."""
        return not self.errors and not self.rejected and self.pending == 0


def error_code(response: httpx.Response) -> str:
    """The ErrorBody `error` of a refusal ("" when the body has none)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("error") or "") if isinstance(body, dict) else ""


def foreign_answer(url: str, response: httpx.Response) -> NotFieldappServer | None:
    """A refusal no fieldapp server gives: a 4xx or a 501 whose body is not JSON (a web
    server's error page). None for anything else — a proxy's 502/503 page means the
    fieldapp server behind it is down, which is retried."""
    status = response.status_code
    if status < 400 or (status >= 500 and status != 501) or not response.content:
        return None
    try:
        body = response.json()
    except ValueError:
        return NotFieldappServer(url, status, plain_reason(response))
    return None if isinstance(body, dict) else NotFieldappServer(url, status)


def plain_reason(response: httpx.Response) -> str:
    """The first line of a plain-text answer (a firewall's "blocked by …"); "" for an
    empty body or a page of HTML, which is no message for a person."""
    text = response.text.strip()
    if not text or text.startswith("<") or "html" in response.headers.get("content-type", ""):
        return ""
    return text.splitlines()[0][:200]


def error_message(response: httpx.Response) -> str:
    """The server's reason for a refusal: its ErrorBody message, else the HTTP status —
    never the body of an error page (HTML is no message for a person)."""
    try:
        body = response.json()
    except ValueError:
        return plain_reason(response) or f"HTTP {response.status_code} {response.reason_phrase}"
    if isinstance(body, dict):
        return str(body.get("message") or body.get("detail") or body)
    return str(body)[:200]


def retry_after_seconds(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return float(value) if value.replace(".", "", 1).isdigit() else 0.0


# What to do about a store that could not be written, by what SQLite said.
_STORE_ADVICE = (
    ("full", "free space on this device's disk, then sync again"),
    ("locked", "close the other fieldapp using this store, then sync again"),
    ("readonly", "make the data folder writable again, then sync again"),
)


def store_error_message(error: BaseException) -> str:
    """What to tell a person whose device store could not be written mid-sync. SQLite
    rolls a transaction back itself when the disk is full, so the rollback that follows
    fails too ("no transaction is active") and hides the cause: the error it met while
    handling is the one named. Nothing is lost: an op is marked sent, and a page's cursor
    moved, only in a transaction that went through."""
    while isinstance(error.__context__, Exception) and "rollback" in str(error):
        error = error.__context__
    if isinstance(error, StorageFull) and error.__cause__ is not None:
        error = error.__cause__  # SQLite's words: this message is the log's, in English
    cause = str(error)
    advice = next((a for word, a in _STORE_ADVICE if word in cause), "sync again later")
    return f"could not write to this device's store ({cause}): {advice}; nothing is lost"


def store_failed(result: SyncResult, error: BaseException) -> None:
    """The run's store could not be written: said for the log (in English), and marked
    when it is a full disk, which the UI says in its own words."""
    said = store_error_message(error)
    result.errors.append(said)
    if is_storage_full(error):
        result.storage_full = said
