"""The people registry on the device (schema v5): households, their members and vehicles.

`id_number` and `phone` hold sealed tokens (AES-GCM, `fieldapp.domain.personal`), never
clear values; `id_lookup` / `phone_lookup` are keyed hashes for finding duplicates. The
key that opens them is not in this file (see `fieldapp.store.keyring`). Names, addresses,
tags, notes and plates are sealed at rest to the device key (`SealedText`,
`fieldapp.store.at_rest`): no query filters or sorts on them. The household's code and
building (户号, 组) stay plain: the lists sort on them, and without the address and the
names they say little.
"""

from __future__ import annotations

from peewee import CharField, CompositeKey, DateField, ForeignKeyField, IntegerField, TextField

from fieldapp.store.models import BaseModel, Grid
from fieldapp.store.sealed_fields import SealedJSON, SealedText


class Household(BaseModel):
    id = CharField(primary_key=True)
    grid = ForeignKeyField(Grid, backref="households", column_name="grid_code")
    grid_code: str
    code = CharField(default="")  # 户号
    building = CharField(default="")  # 楼栋 / 屯
    venue_id = CharField(null=True)  # rental housing: the venue the room is in
    address = SealedText(default="")
    note = SealedText(default="")
    updated_at = CharField(default="")
    updated_by = CharField(default="")

    class Meta:
        table_name = "household"
        indexes = ((("grid", "building", "code"), False),)


class HouseholdMember(BaseModel):
    id = CharField(primary_key=True)
    household = ForeignKeyField(Household, backref="members", on_delete="CASCADE")
    household_id: str
    name = SealedText()
    sex = CharField(default="")
    birth_year = IntegerField(null=True)
    id_number = TextField(default="")  # sealed token
    id_lookup = CharField(default="", index=True)
    phone = TextField(default="")  # sealed token
    phone_lookup = CharField(default="")
    tags = SealedJSON(default=list)
    arrived_on = DateField(null=True)
    left_on = DateField(null=True)
    note = SealedText(default="")
    # Schema v17: the day the person was first saved on a device or imported on the server
    # (the 18:00 登记台账); None when registered before it was kept (unknown).
    registered_on = DateField(null=True)

    class Meta:
        table_name = "household_member"


class Vehicle(BaseModel):
    id = CharField(primary_key=True)
    household = ForeignKeyField(Household, backref="vehicles", on_delete="CASCADE")
    household_id: str
    plate = SealedText()
    kind = CharField(default="")
    note = SealedText(default="")

    class Meta:
        table_name = "vehicle"


class Responsibility(BaseModel):
    """包保 (schema v15): a cadre (a person id) responsible for a household, as the server
    sends it with the household."""

    household = ForeignKeyField(Household, backref="cadres", on_delete="CASCADE")
    household_id: str
    person_id = CharField(index=True)

    class Meta:
        table_name = "responsibility"
        primary_key = CompositeKey("household", "person_id")


PEOPLE_MODELS: list[type[BaseModel]] = [Household, HouseholdMember, Vehicle]  # schema v9
