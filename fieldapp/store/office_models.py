"""Venue kinds and grid levels the office published (schema v11), as pulled.

The shipped kinds and levels (`fieldapp.domain.kinds`) need no row; a pulled row adds a
kind (足浴店) or a level (楼栋), or renames a shipped one. Office settings (cadences,
deadlines, thresholds) are rows of `Setting` under their own keys.
"""

from __future__ import annotations

from peewee import CharField, IntegerField
from playhouse.sqlite_ext import JSONField

from fieldapp.store.models import BaseModel


class VenueKindRow(BaseModel):
    code = CharField(primary_key=True)
    body = JSONField()  # fieldapp.domain.office.VenueKind.to_dict()
    updated_at = CharField(default="")

    class Meta:
        table_name = "office_kind"


class GridLevelRow(BaseModel):
    code = CharField(primary_key=True)
    depth = IntegerField()
    body = JSONField()  # fieldapp.domain.office.GridLevel.to_dict()
    updated_at = CharField(default="")

    class Meta:
        table_name = "office_level"


OFFICE_MODELS: list[type[BaseModel]] = [VenueKindRow, GridLevelRow]
