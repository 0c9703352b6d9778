"""A hazard's description as its reader reads it.

A failure opens its hazard with the item's requirement said not met ("未达标：…" /
"Not met: …", catalogue key `finding.not_met`), in the language of whoever recorded it,
and that text is what is stored and sent: older devices and the server keep it as it is.
Read back, a description that is exactly that generated text, in any language the program
speaks, is said again in the reader's language (a supervisor reading English, an export or
a letter in its own language); anything a person typed is shown as typed, never translated.
It is recognised by the item's wording in the checklist version it was recorded under, or
in another version the store holds when that one is not known (`shown_among`): an item
reworded since still reads in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.i18n import LANGUAGES, language, text_in

NOT_MET = "finding.not_met"


def requirement(zh: str, en: str, lang: str) -> str:
    """The item's wording in `lang` (its Chinese where it has no English)."""
    return en if lang == "en" and en else zh


def not_met(zh: str, en: str, lang: str = "") -> str:
    """The generated description of a failed item worded `zh` / `en`, in `lang` (default:
    the language `t` speaks now): "未达标：灭火器配置数量达标"."""
    lang = lang or language()
    pattern = text_in(lang, NOT_MET) or text_in("zh", NOT_MET) or "{text}"
    return pattern.format(text=requirement(zh, en, lang))


def is_generated(description: str, zh: str, en: str) -> bool:
    """Whether `description` is exactly the generated text of the item worded `zh` / `en`,
    in any language's pattern with either of the item's wordings."""
    if not description or not (zh or en):
        return False
    wordings = {w for w in (zh, en) if w}
    for lang in LANGUAGES:
        pattern = text_in(lang, NOT_MET)
        if pattern and any(description == pattern.format(text=w) for w in wordings):
            return True
    return False


def may_be_generated(description: str) -> bool:
    """Whether `description` has the form of a generated text in some language ("未达标："
    and more): a cheap test before looking for the item wording that made it."""
    for lang in LANGUAGES:
        before, _, after = (text_in(lang, NOT_MET) or "").partition("{text}")
        longer = len(description) > len(before) + len(after)
        if before and longer and description.startswith(before) and description.endswith(after):
            return True
    return False


def shown_description(description: str, zh: str, en: str, lang: str = "") -> str:
    """`description` as its reader reads it in `lang` (default: the language `t` speaks
    now): the generated text of the item worded `zh` / `en` is said in that language;
    any other text is returned unchanged."""
    if is_generated(description, zh, en):
        return not_met(zh, en, lang)
    return description


def shown_among(description: str, wordings: Iterable[tuple[str, str]], lang: str = "") -> str:
    """`description` in `lang` as `shown_description` says it, recognised by the first of
    the item's (zh, en) `wordings` that generated it: the version it was recorded under
    first, then other versions of the item."""
    for zh, en in wordings:
        if is_generated(description, zh, en):
            return not_met(zh, en, lang)
    return description
