"""The inspect screen's venue attributes: the line under the header that says what the
form knows of the venue (and how many items that leaves unasked), the note on a section
asked because of them or once per room, and the correction form (v). A section that
counts its repeats from an attribute the venue has not recorded says so and names the
key; the form opens only on that key, asking that attribute first: opened by itself, it
took the inspector's next answer (a y typed for the checklist went into 房间数)."""

from __future__ import annotations

from textual.widgets import Static

from fieldapp.domain.checklist import Item, Section
from fieldapp.domain.venue_facts import count_attribute, venue_references
from fieldapp.i18n import listed, pick, t
from fieldapp.services.inspection import inspections, venue_facts
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.tui.views.venue_facts import attribute_name, facts_text, value_text
from fieldapp.tui.widgets.item_card import set_text
from fieldapp.tui.widgets.offered_keys import offered, typed_character


def nearest_asked(before: list[str], code: str, asked: tuple[str, ...]) -> str:
    """Where to stand once a correction changed what is asked: the same item, else the
    nearest one before it still asked (room 3 of 3 → room 1 when the count is cleared)."""
    position = before.index(code) if code in before else 0
    for candidate in reversed(before[: position + 1]):
        if candidate in asked:
            return candidate
    return asked[0]


class VenueFactsPart:
    """Mixed into InspectScreen (which gives `view`, `code`, `show_item`, `app`…)."""

    view: InspectionView
    code: str
    inspection_id: str
    fact_names: list[str]  # the attributes the form reads (none: no key, no line)
    facts_line: str  # the line of attributes, without the key that corrects them
    venue_key_shown: str  # the key the lines name for the correction form

    def venue_key(self) -> str:
        """The key that opens the correction form where the focus is, one that types
        nothing first: alt+v works on the card and in an answer's field (where v types a
        v). Naming v on the card and alt+v in a field, the line jumped as the focus moved."""
        keys = [f.binding for f in offered(self).values() if f.binding.action == "venue_facts"]  # type: ignore[arg-type]
        for binding in sorted(keys, key=lambda b: typed_character(b.key) is not None):
            return str(self.app.get_key_display(binding))  # type: ignore[attr-defined]
        return ""

    def watch_focused(self) -> None:
        """The focus moved: the lines that name the correction's key name one that works
        there (none where the form is not offered)."""
        if not self.fact_names or self.focused is None:  # type: ignore[attr-defined]
            return  # nothing to correct, or the screen is leaving
        key = self.venue_key()
        if key != self.venue_key_shown:
            self.venue_key_shown = key
            self.show_facts_line()
            self.show_section()  # type: ignore[attr-defined]

    def show_facts(self) -> None:
        bar = self.query_one("#inspect-facts-bar")  # type: ignore[attr-defined]
        facts = venue_facts.facts(self.view)
        self.fact_names = [fact.name for fact in facts]
        bar.display = bool(facts)
        self.facts_line = ""
        if not facts:
            return
        parts = []
        for fact in facts:
            text = t(
                "venue_facts.pair", name=attribute_name(fact.name), value=value_text(fact.value)
            )
            if len(fact.unasked) > 3:
                text += t("venue_facts.unasked", count=len(fact.unasked))
            elif fact.unasked:  # few: named, so the inspector knows which
                text += t("venue_facts.unasked_codes", codes=listed(fact.unasked))
            if fact.counts:
                titles = [
                    pick(s.zh, s.en) for s in self.view.checklist.sections if s.code in fact.counts
                ]
                text += t("venue_facts.counts", sections=listed(titles))
            parts.append(text)
        self.facts_line = t("venue_facts.line", facts=" · ".join(parts))
        # The focus may have come before the names (a resumed yes/no item: the card is
        # focused as the screen mounts, and stays so): no move left to name the key.
        self.venue_key_shown = self.venue_key()
        self.show_facts_line()

    def show_facts_line(self) -> None:
        if not self.facts_line:
            return
        key = self.venue_key_shown
        hint = "" if self.view.read_only or not key else t("venue_facts.edit_hint", shortcut=key)
        self.query_one("#inspect-facts", Static).update(self.facts_line)  # type: ignore[attr-defined]
        set_text(self.query_one("#inspect-facts-key", Static), hint)  # type: ignore[attr-defined]

    def section_note(self, section: Section, item: Item, instance: int | None) -> str:
        """Why this section is asked the way it is, when the venue decides it."""
        held = self.view.context.venue
        name = count_attribute(section)
        if name:
            count = held.get(name)
            if count is None:
                key = self.venue_key_shown
                return t("venue_facts.repeat_unknown", name=attribute_name(name), shortcut=key)
            return t(
                "venue_facts.repeat_by",
                name=attribute_name(name),
                n=instance or 1,
                count=value_text(count),
            )
        return self.asked_because(section, item)

    def asked_because(self, section: Section, item: Item) -> str:
        """Why the item is asked, when the venue's facts decide it ("" otherwise)."""
        names = list(
            dict.fromkeys([*venue_references(section.show_if), *venue_references(item.show_if)])
        )
        held = self.view.context.venue
        return t("venue_facts.asked_by", facts=facts_text(held, names)) if names else ""

    def note_names_key(self, section: Section) -> bool:
        """The section's note asks for a count by its key (and so must be read whole)."""
        return not self.view.read_only and bool(venue_facts.missing_count(self.view, section.code))

    def action_venue_facts(self) -> None:
        """The form, asking first the count this section repeats by if it is missing."""
        section = self.view.checklist.section_of(self.code)
        ask = None if self.view.read_only else venue_facts.missing_count(self.view, section.code)
        self.open_venue_facts(ask)

    def open_venue_facts(self, ask: str | None) -> None:
        from fieldapp.tui.dialogs.venue_facts import VenueFactsDialog

        if any(isinstance(s, VenueFactsDialog) for s in self.app.screen_stack):  # type: ignore[attr-defined]
            return  # one form at a time (a count asked while the form is still closing)
        names = list(self.fact_names)
        if ask and ask not in names:
            names.insert(0, ask)
        venue = self.view.venue

        def closed(changes: dict[str, object] | None) -> None:
            if changes is None:
                return
            if not changes:
                self.notify(t("venue_facts.unchanged"))  # type: ignore[attr-defined]
                return
            held = venue_facts.correct(venue.id, changes)  # type: ignore[arg-type]
            before = list(self.view.state.visible)
            self.view = inspections.load(self.inspection_id)
            self.code = nearest_asked(before, self.code, self.view.state.visible)
            self.show_facts()
            self.show_item()  # type: ignore[attr-defined]
            self.notify(t("venue_facts.saved", facts=facts_text(held, changes)))  # type: ignore[attr-defined]

        repeated = venue_facts.repeated_counts(venue.kind)
        dialog = VenueFactsDialog(
            f"{venue.name} {venue.code}", names, self.view.context.venue, ask, repeated
        )
        self.app.push_screen(dialog, closed)  # type: ignore[attr-defined]
