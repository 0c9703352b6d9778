"""English counts read right for one: "1 windows", "1 hazard(s)" and "1 record(s) are
waiting" on the main screens. A message with `{count}` has a `<key>_one` variant in
English that `t` picks when the count is 1; Chinese has no plural and reads the same."""

from __future__ import annotations

import re
import string

import pytest

from fieldapp import i18n

# key, its other values, the noun for one, the noun for more
PLURALS = [
    ("patrol.attendance.person_line",
     {"assignee": "A", "on_time": 0, "late": 0, "partial": 0, "not_done": 0, "missed_posts": 0},
     "1 window,", "2 windows,"),
    ("patrol.run.finish_confirm", {}, "1 checkpoint is ", "2 checkpoints are "),
    ("activities.due.title", {}, "1 activity ", "2 activities "),
    ("dashboard.incidents.title", {"states": "-"}, "1 incident ", "2 incidents "),
    ("summary.submitted", {"venue": "V"}, "1 hazard", "2 hazards"),
    ("finding.open_before", {"code": "C", "deadline": "D", "description": "X"},
     "1 open hazard ", "2 open hazards "),
    ("review_ui.failures", {}, "1 hazard", "2 hazards"),
    ("sync.pending", {}, "1 record is ", "2 records are "),
    ("sync.rejected.title", {}, "1 record:", "2 records:"),
    ("sync_ui.notify.rejected", {}, "1 record;", "2 records;"),
    ("checklist.invalid_summary", {}, "1 file has ", "2 files have "),
    ("checklist.not_loaded", {}, "1 checklist file has ", "2 checklist files have "),
    ("import.refused", {"source": "s"}, "1 problem:", "2 problems:"),
    ("inspect.photos_line", {}, "1 photo", "2 photos"),
    ("inspect.drop_hazard.what", {"description": "X", "deadline": "D"}, "1 photo", "2 photos"),
    ("summary.missing_required", {"codes": "C"}, "1 required item ", "2 required items "),
    ("finding.discard.title", {}, "the photo attached", "2 photos attached"),
    ("finding.discard.body", {}, "1 photo attached. ", "2 photos attached. "),
    ("proof.photos_ok", {}, "1 photo with", "2 photos with"),
    ("history.title", {"venue": "V", "code": "C"}, "1 submitted inspection", "2 submitted inspections"),
    ("history.title_refused", {"venue": "V", "code": "C", "refused": 3},
     "1 submitted inspection,", "2 submitted inspections,"),
    ("sync.done", {"pushed": 5, "pulled": 6}, "1 photo uploaded", "2 photos uploaded"),
    ("sync_ui.done", {"pushed": 5, "pulled": 6}, "1 photo uploaded", "2 photos uploaded"),
    ("admin.imported", {"what": "W"}, "Imported 1 row ", "Imported 2 rows "),
    ("sync_ui.notify.unverified", {}, "1 scan did not verify at the server and counts ",
     "2 scans did not verify at the server and count "),
    ("demo.server.colleague", {"name": "N"}, "1 record of colleague N was ", "2 records of colleague N were "),
    ("export.count.inspections", {}, "1 inspection", "2 inspections"),
    ("export.count.findings", {}, "1 hazard", "2 hazards"),
    ("export.count.events", {}, "1 hazard event", "2 hazard events"),
    ("report.count.inspections", {}, "1 inspection", "2 inspections"),
    ("report.count.found", {}, "1 hazard found", "2 hazards found"),
    ("checklist.count.sections", {}, "1 section", "2 sections"),
    ("checklist.count.items", {}, "1 item", "2 items"),
    ("review.cli.written", {"path": "n.pdf"}, "Wrote n.pdf (1 item)", "Wrote n.pdf (2 items)"),
    ("admin.checklist.exported", {"id": "I", "version": 2, "path": "P"}, "(1 item)", "(2 items)"),
    ("admin.retention.count.plans", {}, "1 follow-up plan", "2 follow-up plans"),
    ("admin.retention.count.readings", {}, "1 reading", "2 readings"),
    ("admin.retention.count.people", {}, "1 person who left", "2 people who left"),
    ("admin.retention.count.households", {}, "1 empty household", "2 empty households"),
    ("admin.retention.kept", {}, "kept 1 day", "kept 2 days"),
    ("inspect.days", {}, "rectify within 1 day", "rectify within 2 days"),
    ("inspect.finished.next", {}, "The only item is answered.", "All 2 items answered."),
    ("inspect.finished.next_in_field", {}, "The only item is answered.", "All 2 items answered."),
    ("rounds.due.title", {"bucket": "B", "first": 1, "last": 1}, "B: 1 venue,", "B: 2 venues,"),
    ("dashboard.inspections.plot_total", {"total": 5}, "Inspections, last day (5 in all)",
     "Daily inspections, 2 days (5 in all)"),
    ("patrol.run.left", {"left": 1}, "1 of 1 checkpoint left", "1 of 2 checkpoints left"),
    ("patrol.run.all_done", {}, "The only checkpoint is visited", "All 2 checkpoints visited"),
    ("admin.kind.line", {"code": "C", "name": "N"}, "inspected every day", "inspected every 2 days"),
    ("admin.responsibilities.imported", {}, "Imported 1 cadre assignment.",
     "Imported 2 cadre assignments."),
    ("admin.responsibilities.cadre", {"name": "N", "id": "I"}, "for 1 household:", "for 2 households:"),
    ("people.cadre.choice", {"name": "N"}, "N (1 household)", "N (2 households)"),
    ("people.count.people", {}, "1 person", "2 people"),
    ("people.count.households", {}, "1 household", "2 households"),
    ("duplicates.title", {}, "Duplicates (1 pair)", "Duplicates (2 pairs)"),
    ("alerts.retried", {}, "1 failed alert will", "2 failed alerts will"),
    ("placard.print.written", {"path": "P"}, "1 placard written", "2 placards written"),
    ("placard.print.png_written", {"path": "P"}, "1 PNG image written", "2 PNG images written"),
    ("review_ui.bulk.kept_marked", {"summary": "S"}, "The one refused stays marked",
     "The 2 refused stay marked"),
    ("review_ui.hand_over.left_out", {}, "1 general hazard still before its deadline",
     "2 general hazards still before their deadline"),
    ("report.patrols_partial_late", {}, ", 1 post late", ", 2 posts late"),
    ("review_ui.verify.own_fix_some", {"total": 3}, "1 of the 3 chosen fixes was ",
     "2 of the 3 chosen fixes were "),
    ("review_ui.notices_printed", {"folder": "F", "files": "X"}, "Wrote 1 rectification notice in",
     "Wrote 2 rectification notices, one per venue,"),
    ("review_ui.notices_refused", {"reasons": "R"}, "No notice for 1 venue:", "No notice for 2 venues:"),
    ("venue_facts.unasked", {}, "(1 item not asked)", "(2 items not asked)"),
    ("welcome.synced", {}, "Downloaded (1 record)", "Downloaded (2 records)"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "values", "one", "more"), PLURALS)
def test_an_english_count_reads_right_for_one_and_for_more(  # type: ignore[no-untyped-def]
    english, key: str, values: dict[str, object], one: str, more: str
) -> None:
    single = i18n.t(key, count=1, **values)
    several = i18n.t(key, count=2, **values)
    assert "(s)" not in single + several
    assert one in single, single
    assert more in several, several
    assert more not in single and one not in several


@pytest.mark.parametrize(("key", "values", "one", "more"), PLURALS)
def test_chinese_says_the_same_for_one_and_for_more(
    key: str, values: dict[str, object], one: str, more: str
) -> None:
    i18n.set_language("zh")
    assert i18n.t(key, count=1, **values) == i18n.t(key, count=7, **values).replace("7", "1")
    assert f"{key}_one" not in i18n._load()["zh"]


def test_every_singular_is_the_one_of_a_message_with_a_count() -> None:
    """A `_one` key whose message exists is that message for one: it has a `{count}`
    and the singular asks for no value the message is not given."""
    english = i18n._load()["en"]
    singles = {k: k.removesuffix("_one") for k in english if k.endswith("_one")}
    varied = {k: base for k, base in singles.items() if base in english}
    assert varied
    fields = string.Formatter()
    for single, base in varied.items():
        given = {name for _, name, _, _ in fields.parse(english[base]) if name}
        asked = {name for _, name, _, _ in fields.parse(english[single]) if name}
        assert "count" in given and asked <= given, single
        assert "(s)" not in english[single], single


def test_no_english_message_leaves_the_plural_to_the_reader() -> None:
    """ "{count} photo(s)" reads wrong for every count: a message with a count has a
    `_one` variant, and one with a list or a number not called count is worded for both."""
    english = i18n._load()["en"]
    assert {key: text for key, text in english.items() if "(s)" in text} == {}


# "{name} is", "{code} has": a field followed by a verb, not by a noun in the plural
_VERBS = {"is", "has", "was", "does", "goes", "lists", "holds", "answers", "refers", "comes",
          "needs", "takes", "lacks", "appears", "belongs", "differs", "re-checks", "carries"}  # fmt: skip
_NUMBER_AND_NOUN = re.compile(r"\{(\w+)\} ([a-z-]+s)\b")


def test_no_english_message_puts_several_numbers_before_plural_nouns() -> None:
    """ "Exported {inspections} inspections, {findings} hazards" said "1 inspections, 1
    hazards": `_one` picks one text for one count, so a message with several counts is
    built from one key per count (`i18n.counts`), each with its own `_one`."""
    english = i18n._load()["en"]
    several = {}
    for key, text in english.items():
        nouns = [m.group(0) for m in _NUMBER_AND_NOUN.finditer(text) if m.group(2) not in _VERBS]
        if len([n for n in nouns if not n.startswith("{count}")]) + ("{count}" in text) > 1:
            several[key] = nouns
    assert several == {}


# Numbers said before a plural noun that are never 1 where they are said, so they need no
# `_one`: a length refused for being over its most, a most of characters (30 and up), the
# idle lock's bounds, more attendees than an activity's most, the sync's wait for an answer.
NEVER_ONE = {
    "activity.refused.too_many_attendees", "cl.option_too_long", "cl.too_long",
    "sync.problem.silent",
    "import.too_long", "idle_lock.range", "summary.representative", "finding.description",
    *(f"free_text.{rule}.too_long" for rule in ("close_reason", "hand_over_reference", "household_address",
      "hazard_description",
      "incident_address", "incident_description", "person_name", "reject_reason",
      "representative", "person_note", "household_code", "household_building", "note",
      "case_close_note", "plan_end_reason")),
}  # fmt: skip


def test_a_number_before_a_plural_noun_is_the_count() -> None:
    """ "rectify within {days} days" read "rectify within 1 days": `t` picks `_one` by the
    value called count, so a number said before a plural noun is the message's {count}
    (with its `_one`), or one that is never 1 (NEVER_ONE)."""
    english = i18n._load()["en"]
    named = {
        key: match.group(0)
        for key, text in english.items()
        for match in _NUMBER_AND_NOUN.finditer(text)
        if match.group(1) != "count" and match.group(2) not in {*_VERBS, "exists"}
    }
    assert {key: said for key, said in named.items() if key not in NEVER_ONE} == {}


# "{count} placards written", "{count} general hazards": the count and, within three words
# of it, a noun in the plural: a word ending in s that is none of these, or an irregular one.
_NOT_NOUNS = {"this", "is", "was", "has", "its", "his", "as", "us", "less", "plus"}
_IRREGULAR = {"people", "children", "men", "women"}
_COUNT_AND_WORDS = re.compile(r"\{count\}((?: [A-Za-z-]+){1,3})")


def plural_after_count(text: str) -> list[str]:
    """Each `{count}` in `text` that a plural noun follows, as "{count} … noun"."""
    found = []
    for match in _COUNT_AND_WORDS.finditer(text):
        words = match.group(1).split()
        for at, word in enumerate(words):
            low = word.lower()
            if low in _IRREGULAR or (low[-1] == "s" and low[-2:] != "ss" and low not in _NOT_NOUNS):
                found.append(" ".join(["{count}", *words[: at + 1]]))
                break
    return found


# Messages whose count is never 1 where they are said, so they need no `_one`: each with why.
COUNT_NEVER_ONE = {
    "import.cadre_ambiguous": "said only when two or more people have the name given",
    "placard.scan.several": "said only when the photo holds more than one QR code",
    "returned.notify_many": "a single returned inspection is said by returned.notify_one",
}


def test_every_count_before_a_plural_noun_has_its_singular() -> None:
    """ "1 placards written", "1 general hazards still before their deadline": a message
    whose {count} a plural noun follows has its `_one`, or its count is never 1."""
    english = i18n._load()["en"]
    plural_only = {
        key: said
        for key, text in english.items()
        if not key.endswith("_one") and f"{key}_one" not in english
        if (said := plural_after_count(text))
    }
    assert {k: said for k, said in plural_only.items() if k not in COUNT_NEVER_ONE} == {}
    assert set(COUNT_NEVER_ONE) <= set(plural_only)  # an allowance no longer needed goes


def test_the_plural_check_sees_plural_nouns_after_the_count_and_nothing_else() -> None:
    assert plural_after_count("{count} placards written to {path}") == ["{count} placards"]
    assert plural_after_count("Not handed over: {count} general hazards still") == [
        "{count} general hazards"
    ]
    assert plural_after_count("{count} people are called {name}") == ["{count} people"]
    assert plural_after_count("Downloaded ({count} records): ready") == ["{count} records"]
    assert plural_after_count("Page {page} · {count} on this page{more}") == []
    assert plural_after_count("{count} refused by the server (below)") == []
    assert plural_after_count("Due ({count})") == []
    assert plural_after_count("{count} selected, {n} pass") == []


def test_several_counts_read_as_a_list_in_each_language(english) -> None:  # type: ignore[no-untyped-def]
    pieces = [
        ("export.count.inspections", 1),
        ("export.count.findings", 1),
        ("export.count.events", 2),
    ]
    assert i18n.counts(*pieces) == "1 inspection, 1 hazard and 2 hazard events"
    assert i18n.counts(("export.count.findings", 1)) == "1 hazard"
    i18n.set_language("zh")
    assert i18n.counts(*pieces) == "1 条检查记录、1 条隐患、2 条隐患处理记录"
    clauses = [("report.count.inspections", 3), ("report.count.found", 1)]
    assert i18n.counts(*clauses, clauses=True) == "检查 3 家，发现隐患 1 处"
