"""Free text a form requires to say something, read by one rule wherever it is typed,
imported or synced.

A field that must say something refuses emoji, punctuation, digits and spaces alone and
a lone letter: the screens, the services behind them, the office's imports and the sync
server all ask `text_problem`, so none accepts what another refuses. Only new input is
checked; records already held load as they are. A field that may be left empty
(a remark, an optional note) follows its rule once something is typed in it
(`optional_text_problem`).

Three rules, by what the field holds:
- a reason or a description `says_something` (`fieldapp.domain.typed`): at least two
  Chinese characters or four letters ("坏了", "lost"), as the 其他原因 note of a start
  without a scan has always asked;
- a person's name `names_someone`: at least two letters, a Chinese character counting as
  one (王五, 欧阳娜娜, Li, Aygül), and letters or digits alone besides · - ' . and spaces
  between parts; a lone character is a surname, not a name, and 张😀三 or 张三[/] no name;
- a document number `numbers_a_document`: at least two letters, digits or Chinese
  characters (公移〔2026〕12号, A7); emoji and punctuation around them do not count.
A field may also have a most length, refused in words rather than cut.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.domain.text_bounds import (
    ADDRESS_MAX,
    BUILDING_MAX,
    HOUSEHOLD_CODE_MAX,
    PERSON_NAME_MAX,
    PERSON_NOTE_MAX,
)
from fieldapp.domain.typed import says_something, written

# An incident's account of what happened: a few paragraphs; a report, not a file.
INCIDENT_DESCRIPTION_MAX = 2000
# A hazard's description as typed: the rectification notice's description column (50 mm)
# holds this in about seven lines, so a notice of several hazards stays on its page. One
# generated from the item ("未达标：…") is the item's own wording, bounded by its import.
HAZARD_DESCRIPTION_MAX = 100
# A note added to a record (an incident's 备注, a patrol checkpoint's): as long as an
# incident's account, and saying something as it must.
NOTE_MAX = INCIDENT_DESCRIPTION_MAX
# A hand-over's reference number (文号) as the receiving unit writes it: 公移〔2026〕12号,
# 榆公治移字〔2026〕第0012号; the letter's heading and its file's name carry it.
REFERENCE_MAX = 50


# What may stand between the parts of a name besides letters: 阿卜杜拉·艾力, Jean-Luc,
# O'Brien, J. Smith; digits too (a registry may number two of one name). Nothing else:
# emoji, brackets and other signs name no one, and a name goes as typed into registers,
# exports and signatures.
NAME_MARKS = frozenset(" ·•・.-'’")


def names_someone(text: str) -> bool:
    """Whether a typed name names a person: at least two letters, a Chinese character
    counting as one ("王五", "Li", "Aygül"), and nothing but letters, digits and NAME_MARKS;
    "王", "x", "😀😀", "ℹ️ℹ️", "。。", "张😀三" and "张三[/]" do not."""
    letters = written(text)
    if len(letters) != sum(1 for char in text if char.isalnum()):
        return False  # an emoji Unicode files as a letter (ℹ️)
    shapes = all(c.isalnum() or c in NAME_MARKS or unicodedata.category(c) == "Mn" for c in text)
    return shapes and sum(1 for char in letters if char.isalpha()) >= 2


def any_text(text: str) -> bool:
    """A field whose words are optional (a hazard's description: left empty, the item's
    requirement not met is recorded): only its length is bounded."""
    return True


# Emoji, other pictures (So, Sk: ™ ℹ 😀 and skin tones), keycaps (Me) and control,
# format and unassigned characters: a household's number, building and address are
# printed on lists and read aloud at a door, as a name is.
PICTURE_OR_CONTROL = frozenset({"So", "Sk", "Me", "Cc", "Cf", "Co", "Cs", "Cn"})


def plain_text(text: str) -> bool:
    """Whether a label holds only characters that write (letters, digits, punctuation,
    spaces): "3号楼", "T01-DM-017", "B座#2" do; "楼😀", "😀户号" and a tab or a
    zero-width joiner do not. An empty one is left to the form."""
    return not any(unicodedata.category(char) in PICTURE_OR_CONTROL for char in text)


def says_something_plainly(text: str) -> bool:
    """An address: it says something (`says_something`) in plain text (`plain_text`)."""
    return says_something(text) and plain_text(text)


def numbers_a_document(text: str) -> bool:
    """Whether a typed reference number (文号) can be one: at least two letters, digits
    or Chinese characters ("A7", "12号"); "Q", "😀Q", "Q-", "1️⃣2️⃣" and "--" cannot."""
    return len(written(text)) >= 2


@dataclass(frozen=True, slots=True)
class TextRule:
    says: Callable[[str], bool]
    most: int = 0  # the most characters; 0: only the wire's bound


# By field: the refusal is `free_text.<field>` and `free_text.<field>.too_long`.
RULES: dict[str, TextRule] = {
    "representative": TextRule(names_someone),
    "reject_reason": TextRule(says_something),
    "incident_address": TextRule(says_something, ADDRESS_MAX),
    "incident_description": TextRule(says_something, INCIDENT_DESCRIPTION_MAX),
    "note": TextRule(says_something, NOTE_MAX),  # an incident's or a checkpoint's note
    "hazard_description": TextRule(any_text, HAZARD_DESCRIPTION_MAX),
    "hand_over_reference": TextRule(numbers_a_document, REFERENCE_MAX),
    # A person's texts: the people form refuses what the wire (sync.protocol.people) would.
    "person_name": TextRule(names_someone, PERSON_NAME_MAX),
    "person_note": TextRule(any_text, PERSON_NOTE_MAX),
    "household_code": TextRule(plain_text, HOUSEHOLD_CODE_MAX),
    "household_building": TextRule(plain_text, BUILDING_MAX),
    "household_address": TextRule(says_something_plainly, ADDRESS_MAX),
    "close_reason": TextRule(says_something, 500),  # why a supervisor closes a patrol run
    # Why a supervisor returns an inspection to its inspector (shown on the inspector's home).
    "return_reason": TextRule(says_something),
    # Why a hazard never reported fixed is closed without a re-check.
    "closed_unreported_reason": TextRule(says_something),
    # What the receiving unit did, for an outcome of 其他处理.
    "outcome_other_reason": TextRule(says_something),
    # Why a major hazard's deadline is extended rather than the hazard handed over.
    "extended_major_reason": TextRule(says_something),
    # How an abnormal follow-up case (异常事项) ended, written when it is closed (办结).
    "case_close_note": TextRule(says_something, NOTE_MAX),
    # Why a follow-up plan ends before its last day (转院, 解除隔离).
    "plan_end_reason": TextRule(says_something, NOTE_MAX),
}


def text_fault(field: str, text: str) -> tuple[str, dict[str, int]] | None:
    """What is wrong with `text` typed into `field` (a key of RULES), as the catalogue
    key of the refusal and its values (for the office's imports, which word a row's
    problem later), or None when it can be taken."""
    rule = RULES[field]
    said = text.strip()
    if not rule.says(said):
        return f"free_text.{field}", {}
    if rule.most and len(said) > rule.most:
        return f"free_text.{field}.too_long", {"most": rule.most, "length": len(said)}
    return None


def text_problem(field: str, text: str) -> str | None:
    """Why `text` typed into `field` (a key of RULES) cannot be taken, as a sentence for
    a person in the current language, or None when it can."""
    from fieldapp.i18n import t

    fault = text_fault(field, text)
    return None if fault is None else t(fault[0], **fault[1])


def optional_text_problem(field: str, text: str) -> str | None:
    """Why `text` typed into a field that may be left empty (a remark, a note a form asks
    for but does not need) cannot be taken: empty, it can; typed, it says something by
    `field`'s rule as a needed one does, so "😀" or "z" is refused, not kept."""
    return text_problem(field, text) if text.strip() else None


def return_problem(comment: str) -> str | None:
    """Why `comment` cannot send an inspection back to its inspector: missing, or saying
    nothing in words ("ok", "😀。"); None when it can."""
    from fieldapp.i18n import t

    if not comment.strip():
        return t("review.refused.comment_missing")
    return text_problem("return_reason", comment)
