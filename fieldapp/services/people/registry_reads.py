"""Reading registered households back, masked: one household, and the households of my
grids and 包保 (by text, in pinyin too). Reading never opens a sealed value for a screen:
views carry masks only (`fieldapp.domain.personal.mask_*`); opening one is
`reveal.reveal`, audited. Saving them is `registry`.
"""

from __future__ import annotations

from fieldapp.domain import personal
from fieldapp.domain.clock import today
from fieldapp.domain.romanized import pinyin_match, typed_pinyin
from fieldapp.services.people import responsibilities
from fieldapp.services.people.registry_views import HouseholdView, MatchCount, MemberView
from fieldapp.store import keyring
from fieldapp.store.people_models import Household, HouseholdMember, Vehicle


def member_view(member: HouseholdMember, seal: personal.PersonalCipher | None) -> MemberView:
    """A member as screens show it: ID number and phone masked, never in clear."""
    id_mask = phone_mask = ""
    if member.id_number or member.phone:
        if seal is None:
            id_mask = "*" * 18 if member.id_number else ""
            phone_mask = "*" * 11 if member.phone else ""
        else:
            field, owner = personal.ID_NUMBER_FIELD, member.id
            id_mask = personal.mask_id_number(seal.open(member.id_number, field=field, owner=owner))
            field = personal.PHONE_FIELD
            phone_mask = personal.mask_phone(seal.open(member.phone, field=field, owner=owner))
    return MemberView(
        id=member.id,
        household_id=member.household_id,
        name=member.name,
        sex=member.sex,
        birth_year=member.birth_year,
        id_number=id_mask,
        phone=phone_mask,
        tags=tuple(member.tags or ()),
        arrived_on=member.arrived_on,
        left_on=member.left_on,
        note=member.note,
        registered_on=member.registered_on,
    )


def seal_or_none() -> personal.PersonalCipher | None:
    """The device's seal, or None while it is locked (masks are then all stars)."""
    try:
        return keyring.cipher()
    except personal.PersonalDataLocked:
        return None


def household(household_id: str) -> HouseholdView:
    row = Household.get_by_id(household_id)
    seal = seal_or_none()
    members = (
        HouseholdMember.select()
        .where(HouseholdMember.household == household_id)
        .order_by(HouseholdMember.id)
    )
    vehicles = Vehicle.select().where(Vehicle.household == household_id).order_by(Vehicle.id)
    return HouseholdView(
        id=row.id,
        grid_code=row.grid_code,
        code=row.code,
        building=row.building,
        address=row.address,
        venue_id=row.venue_id,
        note=row.note,
        members=tuple(member_view(m, seal) for m in members),
        vehicles=tuple((v.id, v.plate, v.kind) for v in vehicles),
        cadres=responsibilities.cadres_of(household_id),
    )


def households(query: str = "", *, cadre: str = "", limit: int = 500) -> list[HouseholdView]:
    """The households of my grids (and under them) and those I am 包保 cadre of, by grid,
    building and code; `query` matches a household's code, address or building, or a
    member's name, also in pinyin (`domain.romanized`; nothing kept); `cadre` (a person
    id) keeps only that cadre's 包保 households. Names and addresses are sealed at rest
    (`fieldapp.store.at_rest`): the search opens them and filters here, not in SQL (a
    grid holds thousands of people); PersonalDataLocked while the device is locked."""
    return households_counted(query, cadre=cadre, limit=limit)[0]


def households_counted(
    query: str = "", *, cadre: str = "", limit: int = 500
) -> tuple[list[HouseholdView], MatchCount]:
    """`households`, and how many people and households match in all (the list stops at
    `limit`): counted in SQL for the whole list, and from the rows the search reads anyway
    for a search, so no household is read whole to be counted. People are those who live
    there now; those who moved out (离开日期 today or before) are counted apart. A search
    counts the people it matched: a household's whole when its code, building or address
    matched, else the members whose name did."""
    mine = responsibilities.visible_to_me()
    if cadre:
        mine &= Household.id.in_(responsibilities.households_of(cadre))
    order = (Household.grid, Household.building, Household.code, Household.id)
    text = query.strip().casefold()
    day = today()
    if not text:
        rows = Household.select(Household.id).where(mine).order_by(*order).limit(limit)
        everyone = HouseholdMember.select().join(Household).where(mine)
        gone = everyone.where(HouseholdMember.left_on <= day).count()
        households = Household.select().where(mine).count()
        count = MatchCount(everyone.count() - gone, households, moved_out=gone)
        return [household(row.id) for row in rows], count
    found: dict[str, bool] = {}  # household id -> its own code, building or address matched
    for row in Household.select(Household.id, Household.code, Household.building,
                                Household.address).where(mine).order_by(*order):  # fmt: skip
        found[row.id] = any(text in x.casefold() for x in (row.code, row.building, row.address))
    members = (
        HouseholdMember.select(
            HouseholdMember.household, HouseholdMember.name, HouseholdMember.left_on
        )
        .join(Household)
        .where(mine)
    )
    pinyin = typed_pinyin(text)
    matched: dict[str, list[bool]] = {hid: [] for hid, whole in found.items() if whole}
    for member in members:
        hid = member.household_id
        # `zs` for 张三, as the palette
        if (
            found[hid]
            or text in member.name.casefold()
            or (pinyin and pinyin_match(pinyin, member.name))
        ):
            moved = member.left_on is not None and member.left_on <= day
            matched.setdefault(hid, []).append(moved)
    ids = [hid for hid in found if hid in matched]  # in the list's order
    gone = sum(sum(matched[hid]) for hid in ids)
    people = sum(len(matched[hid]) for hid in ids) - gone
    return [household(hid) for hid in ids[:limit]], MatchCount(people, len(ids), moved_out=gone)
