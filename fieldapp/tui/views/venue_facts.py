"""Venue attributes as words: 是/否, a count, 未登记; and a typed value read back."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from fieldapp.domain.checklist import MAX_INSTANCES
from fieldapp.domain.expr_types import BOOL, VENUE_ATTRIBUTES
from fieldapp.domain.office import NotWhole, attribute_value
from fieldapp.domain.venue_facts import Value, beyond_repeats
from fieldapp.i18n import t


class BadFact(ValueError):
    """A typed value that is not one the attribute takes; the message says so."""


def attribute_name(name: str) -> str:
    return t(f"venue_attr.{name}")


def value_text(value: Any) -> str:
    if value is None:
        return t("venue_facts.unknown")
    if isinstance(value, bool):
        return t("venue_facts.yes") if value else t("venue_facts.no")
    return f"{value:g}" if isinstance(value, float) else str(value)


def input_text(value: Any) -> str:
    """What the correction form shows in an attribute's field ("" when not recorded)."""
    return "" if value is None else value_text(value)


def facts_text(held: Mapping[str, Any], names: Iterable[str]) -> str:
    """ "用燃气 是 · 房间数 12 · 床位数 未登记" for the attributes named."""
    return " · ".join(
        t("venue_facts.pair", name=attribute_name(n), value=value_text(held.get(n))) for n in names
    )


def read_value(name: str, text: str, repeated: Collection[str] = ()) -> Value | None:
    """The value typed for `name` (None: left empty, not recorded); `repeated` names the
    counts the venue's checklist asks a section once for each of, bounded at
    MAX_INSTANCES."""
    try:
        value = attribute_value(name, text)
    except NotWhole:
        whole = t("venue_facts.not_whole", name=attribute_name(name), text=text.strip())
        raise BadFact(whole) from None
    except ValueError:
        key = (
            "venue_facts.bad_yesno" if VENUE_ATTRIBUTES[name] == BOOL else "venue_facts.bad_number"
        )
        raise BadFact(t(key, name=attribute_name(name), text=text.strip())) from None
    if beyond_repeats(name, value, repeated):
        named = attribute_name(name)
        raise BadFact(
            t("venue_facts.beyond_repeats", name=named, text=text.strip(), limit=MAX_INSTANCES)
        )
    return value
