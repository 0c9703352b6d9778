"""Campaigns on the device (schema v7): the definitions it holds and what the office
switched on.

`Campaign` keeps every version of a definition an inspection may have pinned (like
`Checklist`); `CampaignRun` is one row per campaign code: on or off, phase, dates, grids,
as last pulled from the server (the office switches campaigns, devices only follow).
"""

from __future__ import annotations

from peewee import BooleanField, CharField, CompositeKey, IntegerField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel


class Campaign(BaseModel):
    code = CharField()
    version = IntegerField()
    body = JSONField()  # fieldapp.domain.campaigns.Campaign.to_dict()
    sha256 = CharField()
    loaded_at = CharField()

    class Meta:
        table_name = "campaign"
        primary_key = CompositeKey("code", "version")


class CampaignRun(BaseModel):
    code = CharField(primary_key=True)
    version = IntegerField()  # the definition the office runs
    active = BooleanField(default=False)
    phase = CharField(default="")
    starts_on = CharField(default="")  # ISO date or "" (open)
    ends_on = CharField(default="")
    grids = JSONField(default=list)  # grid codes; empty: every grid
    updated_at = CharField(default="")
    periods = JSONField(default=list)  # [on, off or ""] UTC stamps (schema v30)

    class Meta:
        table_name = "campaign_run"


CAMPAIGN_MODELS: list[type[BaseModel]] = [Campaign, CampaignRun]
