"""Venue kinds, their grid levels, risk levels and the people's roles."""

from __future__ import annotations

VENUE_KINDS: tuple[str, ...] = (
    "market",
    "hotel",
    "supermarket",
    "small_shop",
    "small_school",
    "small_restaurant",
    "small_hotel",
    "internet_cafe",
    "small_workshop",
    "rental_housing",
    "three_in_one",
)

# The "six small venues" (六小场所) of the fire-safety plan.
SIX_SMALL: frozenset[str] = frozenset(
    {
        "small_shop",
        "small_school",
        "small_restaurant",
        "small_hotel",
        "internet_cafe",
        "small_workshop",
    }
)

# Key venues are checked weekly by the town (篇四, 篇一).
KEY_VENUES: frozenset[str] = frozenset({"market", "hotel", "supermarket"})

GRID_LEVELS: tuple[str, ...] = ("town", "village", "area")
ROLES: tuple[str, ...] = ("inspector", "supervisor", "admin")
RISK_LEVELS: tuple[str, ...] = ("low", "normal", "high")
SEVERITIES: tuple[str, ...] = ("general", "major")

# Short code prefix per kind, used for human venue codes such as DM-0042 is per village;
# the kind prefix is used in demo data and placards.
KIND_CODE: dict[str, str] = {
    "market": "MKT",
    "hotel": "HTL",
    "supermarket": "SUP",
    "small_shop": "SHP",
    "small_school": "SCH",
    "small_restaurant": "CAT",
    "small_hotel": "INN",
    "internet_cafe": "NET",
    "small_workshop": "FAC",
    "rental_housing": "RNT",
    "three_in_one": "TIO",
}
