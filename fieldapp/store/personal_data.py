"""Forgetting the people data a device holds: a revoked device (the server says so at its
next contact, `sync.client`) keeps nothing of the registry.

The key goes first (`keyring.forget`: without it the sealed ID numbers and phones open
nowhere), then every row of the registry and its follow-ups and the unsent ops that carry
them, in one transaction with SQLite's `secure_delete` on, and the WAL is checkpointed and
truncated, so neither the store file nor its WAL keeps the deleted names. The audit ops
(reveals, exports, merges) stay: they hold ids, not personal data, and are the trail.
"""

from __future__ import annotations

from fieldapp.store import keyring
from fieldapp.store.db import db
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.models import Outbox
from fieldapp.store.people_models import Household, HouseholdMember, Responsibility, Vehicle

# Ops whose payloads hold people data (names, sealed numbers, readings, case notes).
PERSONAL_OPS = (
    "household.upsert",
    "followup.plan",
    "followup.reading",
    "followup_case.event",
)


def forget_personal_data() -> int:
    """Delete the key and every person this device holds; returns the people deleted."""
    keyring.forget()
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        with db.atomic():
            people = HouseholdMember.select().count()
            for model in (FollowupCaseEvent, FollowupCase, FollowupReading, FollowupPlan,
                          Responsibility, Vehicle, HouseholdMember, Household):  # fmt: skip
                model.delete().execute()
            Outbox.delete().where(Outbox.type.in_(PERSONAL_OPS)).execute()
    finally:
        db.execute_sql("PRAGMA secure_delete = OFF")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return people
