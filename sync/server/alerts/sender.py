"""Delivering the alert outbox, at least once.

A sender claims a message by taking a short lease on it (an UPDATE that succeeds for one
process only), posts it outside any transaction, then records the outcome. A failure
schedules the next attempt with exponential backoff and full jitter (base 10 s, at most
30 min); after MAX_ATTEMPTS the message is `failed` and stays listed by `fieldapp admin
alerts` until someone retries it. A process that dies holding a lease only delays the
message until the lease runs out.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass

import httpx

from sync.server import db as server_db
from sync.server.admin_models import AlertMessage
from sync.server.alerts import channels
from sync.server.alerts.notice import pending_ids

BACKOFF_BASE = float(os.environ.get("FIELDAPP_ALERTS_BACKOFF_BASE", "10") or 10)
BACKOFF_CAP = 30 * 60.0
MAX_ATTEMPTS = 12
LEASE_SECONDS = 60.0
TIMEOUT = 10.0


@dataclass(frozen=True)
class Delivery:
    sent: int
    failed: int  # attempts that failed this round (the message may be retried)


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def backoff(attempts: int, rng: random.Random | None = None) -> float:
    return (rng or random).uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(attempts - 1, 0)))


def _claim(message_id: int) -> bool:
    now = dt.datetime.now(dt.UTC)
    with server_db.write_transaction():
        claimed = (
            AlertMessage.update(lease_until=_iso(now + dt.timedelta(seconds=LEASE_SECONDS)))
            .where(
                (AlertMessage.id == message_id)
                & (AlertMessage.state == "pending")
                & (AlertMessage.lease_until < _iso(now))
            )
            .execute()
        )
    return bool(claimed)


def deliver_pending(client: httpx.Client | None = None, limit: int = 50) -> Delivery:
    """Send what is due now. Needs a connection; opens its own transactions."""
    own = client is None
    http = client or httpx.Client(timeout=TIMEOUT)
    sent = failed = 0
    try:
        for message_id in pending_ids(limit):
            if not _claim(message_id):
                continue  # another process took it
            message = AlertMessage.get_by_id(message_id)
            rule = message.rule
            outgoing = channels.request(
                rule.channel, rule.url, rule.secret, message.trigger, message.grid_code,
                message.facts, message.created_at,
            )  # fmt: skip
            try:
                response = http.post(outgoing.url, json=outgoing.body)
                try:
                    answer = response.json()
                except ValueError:
                    answer = None
                problem = channels.delivered(rule.channel, response.status_code, answer)
            except httpx.HTTPError as error:
                problem = f"{type(error).__name__}: {error}"
            _record(message, problem)
            if problem is None:
                sent += 1
            else:
                failed += 1
    finally:
        if own:
            http.close()
    return Delivery(sent, failed)


def _record(message: AlertMessage, problem: str | None) -> None:
    now = dt.datetime.now(dt.UTC)
    attempts = message.attempts + 1
    if problem is None:
        changes = {"state": "sent", "sent_at": _iso(now), "last_error": ""}
    else:
        retry_at = now + dt.timedelta(seconds=backoff(attempts))
        changes = {
            "state": "failed" if attempts >= MAX_ATTEMPTS else "pending",
            "next_attempt_at": _iso(retry_at),
            "last_error": problem[:500],
        }
    with server_db.write_transaction():
        AlertMessage.update(attempts=attempts, lease_until="", **changes).where(
            AlertMessage.id == message.id
        ).execute()


def retry_failed() -> int:
    """Give failed messages another round of attempts (the administrator asked)."""
    with server_db.write_transaction():
        return int(
            AlertMessage.update(state="pending", attempts=0, next_attempt_at=server_db.now_iso())
            .where(AlertMessage.state == "failed")
            .execute()
        )
