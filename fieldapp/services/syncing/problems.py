"""What stopped a sync or an enrolment, as a sentence for a person in the UI's language.

The sync client words its errors in English for the log and the store's `last_error`;
the errors a wrong or broken server causes are told apart here, because each sends the
person somewhere else: the network (nothing answers), the address (something answers,
but not a fieldapp server), or the administrator (a fieldapp server answers nonsense).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from fieldapp.domain.followups import CASE
from fieldapp.domain.incidents import INCIDENT
from fieldapp.domain.lifecycle import HAZARD, SELF_VERIFIED
from fieldapp.i18n import t, text_in
from fieldapp.services.syncing.people_conflicts import clashes_in_words

if TYPE_CHECKING:
    from sync.client import SyncResult

SHORTEST_RETRY_HINT = 30  # seconds: "try again in 0 s" helps nobody

# The server's ErrorBody codes for a refused enrolment code -> what to tell the person
# (the welcome screen and `fieldapp enroll` alike; the server's own words are English).
ENROLMENT_REFUSALS = {
    "enrolment_code_unknown": "welcome.error.code_unknown",
    "enrolment_code_used": "welcome.error.code_used",
    "enrolment_code_expired": "welcome.error.code_expired",
}


def describe(error: BaseException, url: str, *, enrolled: bool = False) -> str:
    """The sentence for a sync or enrolment error with the server at `url`. `enrolled`:
    the address is the one this device was enrolled with, which no screen changes, so a
    wrong one is mended by enrolling again, not by checking it."""
    from sync.client import (
        BrokenAnswer,
        NotFieldappServer,
        ServerRefused,
        ServerUnavailable,
        SilentServer,
        UnreadableAnswer,
        UntrustedServer,
    )

    if isinstance(error, ServerRefused) and error.code in ENROLMENT_REFUSALS:
        return t(ENROLMENT_REFUSALS[error.code])
    if isinstance(error, NotFieldappServer):
        status = f"{error.status} “{error.reason}”" if error.reason else error.status
        if enrolled:
            return t("sync.problem.not_fieldapp_enrolled", url=error.url, status=status)
        return t("sync.problem.not_fieldapp", url=error.url, status=status)
    if isinstance(error, UnreadableAnswer):
        if enrolled:
            return t("sync.problem.unreadable_enrolled", url=error.url)
        return t("sync.problem.unreadable", url=error.url)
    if isinstance(error, BrokenAnswer):
        if enrolled:
            return t("sync.problem.broke_off_enrolled", url=url)
        return t("sync.problem.broke_off", url=url)
    if isinstance(error, SilentServer):
        return t("sync.problem.silent", url=url, seconds=round(error.seconds))
    if isinstance(error, ServerUnavailable) and not isinstance(error, UntrustedServer):
        if error.status == 0:
            return t("sync.problem.unreachable", url=url)
        if error.status is not None:
            return t("sync.problem.server_failing", url=url, status=error.status)
    return str(error)


def errors_in_words(result: SyncResult, url: str) -> list[str]:
    """The run's errors for a person: the one that stopped it in words, the rest as given."""
    failure = result.failure
    if result.storage_full:  # this device's disk, not the server: in the UI's words
        from fieldapp.store.db import db
        from fieldapp.store.storage_full import sync_stopped

        full = sync_stopped(str(db.database))
        errors = [full if e == result.storage_full else e for e in result.errors]
        result = replace(result, errors=errors)
    if failure is None:
        return list(result.errors)
    said = describe(failure, url, enrolled=True)
    return [said if e == str(failure) else e for e in result.errors]


def retry_hint(result: SyncResult) -> int | None:
    """Seconds to suggest before trying again; None when trying again will not help."""
    if result.retry_in is None or not result.errors:
        return None
    return max(SHORTEST_RETRY_HINT, round(result.retry_in))


# The fold words a conflict in English (`findings.check_transition`, `self_verified`) and
# the server sends it so (`OpResult.conflict`): its shapes, read back into the catalogue.
_ARRIVED = re.compile(r"^(\w+) is not valid when the (finding|incident|followup_case) is (\w+)$")
_ROLE = re.compile(r"^a .+ may not send (\w+)$")
_KINDS = {HAZARD.name: HAZARD, INCIDENT.name: INCIDENT}


def conflict_in_words(reason: str) -> str:
    """A conflict the server recorded for one of this device's events, in the UI's
    language; a reason of a shape not known here stays as the server said it."""
    if reason == SELF_VERIFIED:
        return t("review.refused.self_verified")
    if (people := clashes_in_words(reason)) is not None:
        return people
    if (arrived := _ARRIVED.match(reason)) is not None:
        event_type, kind, state = arrived.groups()
        if kind == CASE.name:  # its catalogue is the hazard's: said of the case, as refusals
            return _case_conflict(event_type, state) or reason
        lifecycle = _KINDS[kind]
        event = f"{lifecycle.catalog}.event.{event_type}"
        at = f"{lifecycle.catalog}.state.{state}"
        if known(event) and known(at):
            return t(f"{lifecycle.catalog}.conflict.arrived", event=t(event), state=t(at))
    elif (role := _ROLE.match(reason)) is not None and known(f"review.event.{role[1]}"):
        return t("review.refused.role", event=t(f"review.event.{role[1]}"))
    return reason


def _case_conflict(event_type: str, state: str) -> str | None:
    """A follow-up case's event that arrived too late, about the 异常事项 and its states
    (已办结), as `cases.state_refusal` says a refusal; None for an event not worded here."""
    action, at = f"case.action.{event_type}", f"followups.state.{state}"
    if not (known(action) and known(at)):
        return None
    return t("case.conflict.arrived", action=t(action), state=t(at))


def known(key: str) -> bool:
    return text_in("zh", key) is not None
