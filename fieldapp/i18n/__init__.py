"""Message catalogues: zh-CN by default, English on request.

Each area of the program keeps its messages in its own `catalog_*.py` module holding two
dicts, `ZH` and `EN`, with the same keys. `t(key, **values)` formats the message in the
current language; a key missing from English falls back to Chinese, and a missing key
shows itself so it is noticed.

English plurals: a message with a `{count}` may have a `<key>_one` variant in `EN`, used when
count is 1 ("1 hazard", where `<key>` says "2 hazards"). Chinese has no plural and no variant.
`counted` is that rule, for `t` and for texts looked up apart from the UI (the ledger's).
"""

from __future__ import annotations

import importlib
import marshal
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress

LANGUAGES = ("zh", "en")
_lang = "zh"
_catalogs: dict[str, dict[str, str]] | None = None
_this_thread = threading.local()  # `written_in`: a document's language, in its thread only

# The merged catalogues, kept beside this package's bytecode for the next start: importing
# the ~50 catalogue modules one by one took ~7 ms of CPU at every start-up, reading them
# merged ~2.5 ms. Valid while every catalogue source (and venue_kinds.py, which catalog_app
# spells out) has the size and modification time it was merged from.
_HERE = os.path.dirname(__file__)
_CACHE = os.path.join(_HERE, "__pycache__", f"catalogues.{sys.implementation.cache_tag}.marshal")


def _sources() -> list[tuple[str, int, int]]:
    """(file name, mtime in ns, size) of each source the catalogues are made of."""
    found = []
    with os.scandir(_HERE) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(".py") and (name.startswith("catalog_") or name == "venue_kinds.py"):
                stat = entry.stat()
                found.append((name, stat.st_mtime_ns, stat.st_size))
    return sorted(found)


def _cached(sources: list[tuple[str, int, int]]) -> dict[str, dict[str, str]] | None:
    try:
        with open(_CACHE, "rb") as handle:
            held = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(held, dict) or held.get("sources") != sources:
        return None
    catalogs: dict[str, dict[str, str]] = held["catalogs"]
    return catalogs


def _keep(sources: list[tuple[str, int, int]], catalogs: dict[str, dict[str, str]]) -> None:
    """Write the merged catalogues for the next start (nothing lost if that cannot be)."""
    partial = f"{_CACHE}.{os.getpid()}.{threading.get_ident()}"
    try:
        os.makedirs(os.path.dirname(_CACHE), exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(marshal.dumps({"sources": sources, "catalogs": catalogs}))
        os.replace(partial, _CACHE)  # a reader sees the old file or the whole new one
    except OSError:
        with suppress(OSError):
            os.unlink(partial)


def _imported() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    for name in sorted(n[:-3] for n, _, _ in _sources() if n.startswith("catalog_")):
        module = importlib.import_module(f"{__name__}.{name}")
        merged["zh"].update(module.ZH)
        merged["en"].update(module.EN)
    return merged


def _load() -> dict[str, dict[str, str]]:
    global _catalogs
    if _catalogs is None:
        sources = _sources()
        merged = _cached(sources)
        if merged is None:
            merged = _imported()
            _keep(sources, merged)
        _catalogs = merged
    return _catalogs


def add_texts(zh: dict[str, str], en: dict[str, str]) -> None:
    """Texts that are data, not code: the names and placard precautions of the venue kinds
    and grid levels an office published. A key the catalogues hold is replaced."""
    catalogs = _load()
    catalogs["zh"].update(zh)
    catalogs["en"].update(en)


def set_language(lang: str) -> None:
    global _lang
    lang = normalize(lang)
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _lang = lang


def normalize(lang: str) -> str:
    lang = lang.strip().lower().replace("_", "-")
    return "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else lang


def language() -> str:
    return getattr(_this_thread, "lang", None) or _lang


@contextmanager
def written_in(lang: str) -> Iterator[None]:
    """`t` in `lang` inside, in this thread only: for a document whose language is its
    reader's (a letter to a Chinese agency), built in a worker while the UI speaks on."""
    before = getattr(_this_thread, "lang", None)
    _this_thread.lang = normalize(lang)
    try:
        yield
    finally:
        _this_thread.lang = before


def counted(key: str, lang: str, values: Mapping[str, object], english: Mapping[str, str]) -> str:
    """The key whose text says `values`' count: `<key>_one` in English when count is 1 and
    `english` has that variant, otherwise `key`."""
    one = key + "_one"
    return one if lang == "en" and values.get("count") == 1 and one in english else key


def t(key: str, **values: object) -> str:
    return said_in(getattr(_this_thread, "lang", None) or _lang, key, **values)


def said_in(lang: str, key: str, **values: object) -> str:
    """`t` in `lang`, whatever the UI speaks: for printed matter in its reader's language
    (the ledger, letters, notices). Read from the merged catalogues, so a message moved to
    another catalogue module reads the same."""
    catalogs = _load()
    key = counted(key, lang, values, catalogs["en"])
    text = catalogs[lang].get(key) or catalogs["zh"].get(key) or key
    return text.format(**values) if values else text


def counts(*pieces: tuple[str, int], clauses: bool = False) -> str:
    """Several counts in one sentence, each noun agreeing with its own number: every piece
    is a key with a `{count}` (and its `_one`), listed as the language lists them —
    "1 inspection, 2 hazards and 3 hazard events" / "1 条检查记录、2 条隐患、3 条隐患处理记录".
    `clauses`: pieces that are clauses in Chinese (检查 3 家，发现隐患 2 处), joined by "，"."""
    texts = [t(key, count=number) for key, number in pieces]
    if language() == "zh":
        return ("，" if clauses else "、").join(texts)
    if len(texts) < 2:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def text_in(lang: str, key: str) -> str | None:
    """The unformatted text of `key` in `lang` (no fallback), for printed matter whose
    language is chosen per document (placards), not by the UI."""
    return _load()[lang].get(key)


def listed(items: Iterable[str], lang: str = "") -> str:
    """Items as a list reads in the UI's language (or `lang`, a document's own):
    "鼎美村、芸美村" / "Dingmei, Yunmei"."""
    return ("、" if (lang or _lang) == "zh" else ", ").join(items)


def sentences(texts: Iterable[str]) -> str:
    """Messages said together, each a sentence ended as the UI's language ends one (a
    catalogue message may leave its end off): "请填写地点。请附上至少一张照片。" /
    "Fill in the place. Attach at least one photo.". A message that trails off in "…"
    (work going on) is ended already."""
    zh = _lang == "zh"
    ended = [
        text
        if text.endswith(("。", "！", "？", ".", "!", "?", "…"))
        else text + ("。" if zh else ".")
        for text in (text.strip() for text in texts)
        if text
    ]
    return ("" if zh else " ").join(ended)


def pick(zh: str, en: str) -> str:
    """Choose between the two texts of a bilingual record (checklist items, titles)."""
    return en if _lang == "en" and en else zh
