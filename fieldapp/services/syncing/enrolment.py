"""Enrolling this device from the program's first screen: the server address and the
one-time code a person typed in, one sentence out (why not, and what to do), and the
first sync that brings the person's grids, venues, checklists and placard keys.

Call from a worker thread with a store connection: both functions talk to the network.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from urllib.parse import urlsplit

from fieldapp.i18n import t
from fieldapp.services.syncing.problems import ENROLMENT_REFUSALS, describe
from fieldapp.services.syncing.runs import DONE, SyncOutcome, run_sync


@dataclass(frozen=True)
class Enrolment:
    ok: bool
    message: str  # for a person, in the current language
    person_name: str = ""
    role: str = ""


def _address_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return t("welcome.error.bad_url", url=url)
    return None


def enrol(url: str, code: str, device_name: str = "") -> Enrolment:
    """Enrol this device with the server at `url` using the one-time `code`."""
    from sync.client import (
        InsecureURL,
        NotFieldappServer,
        ServerRefused,
        ServerUnavailable,
        UnreadableAnswer,
        UntrustedServer,
        enroll_device,
    )

    url, code = url.strip(), code.strip()
    if not url or not code:
        return Enrolment(False, t("welcome.error.missing"))
    problem = _address_problem(url)
    if problem is not None:
        return Enrolment(False, problem)
    try:
        answer = enroll_device(url, code, device_name=device_name or platform.node())
    except InsecureURL:
        return Enrolment(False, t("welcome.error.plain_http", url=url))
    except UntrustedServer:
        return Enrolment(False, t("welcome.error.untrusted", url=url))
    except ServerUnavailable:
        return Enrolment(False, t("welcome.error.unreachable", url=url))
    except (NotFieldappServer, UnreadableAnswer) as error:
        return Enrolment(False, describe(error, url) + t("welcome.error.end"))
    except ServerRefused as refusal:
        if refusal.code in ENROLMENT_REFUSALS:
            return Enrolment(False, describe(refusal, url))
        return Enrolment(False, t("welcome.error.refused", reason=refusal))
    person = answer.person
    return Enrolment(
        True, t("welcome.enrolled", name=person.name), person_name=person.name, role=person.role
    )


def first_sync() -> tuple[bool, str]:
    """The first sync after enrolment: (everything came, a sentence for the person)."""
    outcome: SyncOutcome = run_sync()
    if outcome.kind == DONE:
        return True, t("welcome.synced", count=outcome.result.pulled)
    return False, t("welcome.sync_later")
