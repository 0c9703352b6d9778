"""People (F11) says in its header how many people and households match the list: counted
from the store by the list's own filter (my grids, a cadre's 包保, the search typed), all
of them, beyond the households the list shows; people who moved out are said apart, and a
search by name counts the people it matched, not their households whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from people_support import household_of_one, key_behind_pin, returnee_family
from pilot_support import open_screen, settle
from textual.widgets._header import HeaderTitle

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry, registry_reads
from fieldapp.services.people.registry_views import MatchCount
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


def _two_households() -> None:
    """陈建国's family of three (DM-017), their son 陈小明 moved out the day after they came,
    and 林淑珍 alone next door (DM-018)."""
    key_behind_pin()
    family = returnee_family(me().grids[0][0])
    family.members[2] = dataclasses.replace(family.members[2], left_on="2026-06-10")
    registry.save_household(family)
    household_of_one("林淑珍", code="DM-018", address="鼎美村三组18号")


def test_the_count_is_of_everyone_matched_not_only_of_those_listed(demo_home: Path) -> None:
    _two_households()
    listed, count = registry_reads.households_counted()
    assert (len(listed), count) == (2, MatchCount(people=3, households=2, moved_out=1))
    listed, count = registry_reads.households_counted(limit=1)  # the list stops; not the count
    assert (len(listed), count) == (1, MatchCount(people=3, households=2, moved_out=1))
    _listed, count = registry_reads.households_counted("chenjg")  # 陈建国, not his household
    assert count == MatchCount(people=1, households=1)
    _listed, count = registry_reads.households_counted("陈")  # and his son, who moved out
    assert count == MatchCount(people=1, households=1, moved_out=1)
    listed, count = registry_reads.households_counted("鼎美村三组", limit=1)  # by address: whole
    assert (len(listed), count) == (1, MatchCount(people=3, households=2, moved_out=1))
    _listed, count = registry_reads.households_counted(cadre=me().person_id)  # 包保 none
    assert count == MatchCount(people=0, households=0)


def _drawn_whole(header: HeaderTitle, said: str) -> int:
    """How many lines the title bar draws `said` on, each broken after a part's " · " or
    " — " (not "People" / "register"), nothing cut to "…"."""
    lines = [header.render_line(y).text.strip() for y in range(header.size.height)]
    assert " ".join(lines).endswith(said) and "…" not in "".join(lines), lines
    assert all(line[-1] in "·—" for line in lines[:-1]), lines
    return len(lines)


async def test_the_header_says_how_many_match_as_a_search_is_typed_at_80_columns(
    demo_home: Path, english: None
) -> None:
    _two_households()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await settle(app, pilot, rounds=2)
        header = screen.query_one(HeaderTitle)
        shown = str(header.render())
        # The screen's name, as the Chinese says it (人员台账); too long for one line at 80
        # columns with the moved out said, it is drawn whole on two, broken between parts
        said = "People register · 3 people (1 moved out) · 2 households"
        assert shown.endswith(f" — {said}"), shown
        assert _drawn_whole(header, said) == 2
        await pilot.press("slash", *"lsz")  # 林淑珍, by her initials
        await settle(app, pilot, rounds=2)
        said = "People register · search results · 1 person · 1 household"
        assert str(header.render()).endswith(f" — {said}")
        await pilot.press("f1")  # the keys panel beside: the bar breaks between its parts
        await settle(app, pilot, rounds=2)
        assert _drawn_whole(header, said) > 2
