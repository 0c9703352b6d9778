"""Tables the administrator keeps on the server: campaigns and what was switched, alert
rules and their outbox, the data feed's reader keys and the people who sign in to
`fieldapp web`."""

from __future__ import annotations

from peewee import (
    BigAutoField,
    BooleanField,
    CharField,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from sync.server.models import JSONText, Person, ServerModel


class Campaign(ServerModel):
    """One published version of a campaign definition (fieldapp.domain.campaigns)."""

    code = CharField()
    version = IntegerField()
    body = JSONText()
    sha256 = CharField()
    published_at = CharField()

    class Meta:
        table_name = "campaign"
        primary_key = CompositeKey("code", "version")


class CampaignRun(ServerModel):
    """What the office switched: one row per campaign code."""

    code = CharField(primary_key=True)
    version = IntegerField()
    active = BooleanField(default=False)
    phase = CharField(default="")
    starts_on = CharField(default="")
    ends_on = CharField(default="")
    grids = JSONText(default=list)
    updated_at = CharField(default="")
    # [switched on, switched off or ""] UTC stamps, oldest first: patrol attendance
    # judges each window by whether the campaign was on then (domain.campaign_switch)
    periods = JSONText(default=list)

    class Meta:
        table_name = "campaign_run"


class AlertRule(ServerModel):
    """Who hears of what: a trigger in a grid (and the grids below it) sent to a group
    robot (企业微信 / 钉钉) or a plain webhook. Set by the administrator."""

    id = BigAutoField()
    grid_code = CharField()
    trigger = CharField()  # major_hazard | hazard_overdue | report_missing
    channel = CharField()  # wecom | dingtalk | webhook
    url = TextField()
    secret = CharField(default="")  # DingTalk's signing secret, when the robot has one
    enabled = BooleanField(default=True)
    created_at = CharField()

    class Meta:
        table_name = "alert_rule"


class AlertMessage(ServerModel):
    """The alert outbox: one row per message to send, written in the transaction that
    noticed its cause, sent at least once (dedupe_key makes noticing twice harmless)."""

    id = BigAutoField()
    rule = ForeignKeyField(AlertRule, backref="messages", on_delete="CASCADE")
    dedupe_key = CharField(unique=True)  # rule id + trigger + cause
    trigger = CharField()
    grid_code = CharField()
    facts = JSONText(default=dict)  # what the message says, as data
    state = CharField(default="pending")  # pending | sent | failed
    attempts = IntegerField(default=0)
    next_attempt_at = CharField()
    lease_until = CharField(default="")  # a sender holds it until then
    last_error = TextField(default="")
    created_at = CharField()
    sent_at = CharField(default="")

    rule_id: int

    class Meta:
        table_name = "alert_message"
        indexes = ((("state", "next_attempt_at"), False),)


class ReaderKey(ServerModel):
    """An API key of the `reader` role for the data feed (the city's BI): read-only, scoped
    to grids (and the grids below them). Only a hash of the secret is kept."""

    key_id = CharField(primary_key=True)
    name = CharField()
    secret_hash = CharField()
    grids = JSONText(default=list)
    created_at = CharField()
    revoked_at = CharField(null=True)

    class Meta:
        table_name = "reader_key"


class WebUser(ServerModel):
    """A person who signs in to `fieldapp web` with a user name and password (Argon2id
    hash). Repeated failures lock the name for a while."""

    username = CharField(primary_key=True)
    person = ForeignKeyField(Person, backref="web_users", on_delete="CASCADE")
    password_hash = CharField()
    failures = IntegerField(default=0)
    locked_until = CharField(default="")
    disabled = BooleanField(default=False)
    created_at = CharField()

    person_id: str

    class Meta:
        table_name = "web_user"


ADMIN_MODELS: list[type[ServerModel]] = [
    Campaign,
    CampaignRun,
    AlertRule,
    AlertMessage,
    ReaderKey,
    WebUser,
]
