"""A hazard named the way a person sees it on the review screen (F5): its venue's code and
its check item, `DM-0006 CAT-08`; or by its id. `fieldapp handover-letter --finding`
takes either, since the screens show no id."""

from __future__ import annotations

from peewee import fn

from fieldapp.i18n import t
from fieldapp.services.common.periods import local_date_of
from fieldapp.services.documents.notices import DocumentError
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding, Venue


def finding_id_named(name: str) -> str:
    """The id of the hazard `name` names: an id as it is; a venue code and an item code
    (`DM-0006 CAT-08`, any case, or `DM-0006 · CAT-08` as the letter's refusals write it)
    as the one hazard found there, or the one of them handed over when the item was found
    at the venue more than once. DocumentError naming the matches when several remain,
    and saying what was looked for when none does."""
    text = name.strip()
    if Finding.get_or_none(Finding.id == text) is not None:
        return text
    parts = text.replace("·", " ").split()
    if len(parts) != 2:
        raise DocumentError(t("review.letter.not_found", id=text))
    venue_code, item_code = (part.upper() for part in parts)
    found = list(
        Finding.select(Finding.id, Finding.created_at, Finding.state)
        .join(Venue)
        .where(fn.UPPER(Venue.code) == venue_code, fn.UPPER(Finding.item_code) == item_code)
        .order_by(Finding.created_at)
    )
    if not found:
        raise DocumentError(t("review.letter.no_hazard_at", venue=venue_code, item=item_code))
    handed_over = [f for f in found if findings.fold_of(f.id).handed_over_to]
    if len(found) == 1 or len(handed_over) == 1:
        return str((handed_over or found)[0].id)
    matches = "\n".join(
        t(
            "review.letter.match",
            id=f.id,
            found=local_date_of(f.created_at),
            state=t(f"finding_state.{f.state}"),
        )
        for f in handed_over or found
    )
    raise DocumentError(
        t("review.letter.ambiguous", name=f"{venue_code} {item_code}", matches=matches)
    )
