"""Finding Chinese text by its pinyin, typed without switching the input method: in full
(`tongbu`, `tong bu`), by initials (`tb`, `zhg`) or both mixed (`tongb`) for 同步. The
last character typed may be cut short (`tongb`, `zhengga`), as while typing.

Tones are not typed; ü is typed `v` or `u`. Only the Han characters of a text count.

Two ways, one set of readings (pypinyin's):
- `pinyin_match`, for a few thousand labels or names at most, read in memory (the
  palette's commands, People's names): every reading of a character read more than one
  way (重: zhong, chong; 曾: ceng, zeng) finds it, and full and initials mix freely;
- `spelled`, a text's pinyin written down once, for a store to index (venue names, a
  million of them): each character in its commonest reading, in full and by initials,
  so a query finds it as a substring (`dongfang`, `dfsc`, `dongfangs` for 东方市场).

pypinyin is imported only when asked (`load_pinyin`, or the first match), never at start:
start-up time is measured (bench/bench_cold_start.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

_COMPOUND_INITIALS = ("zh", "ch", "sh")
_IGNORED_IN_QUERY = str.maketrans("", "", " '")


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def load_pinyin() -> None:
    """Import pypinyin now (a few hundred ms): for a caller that can wait off its event
    loop, so that the first search does not stall the screen."""
    import pypinyin  # noqa: F401


def typed_pinyin(query: str) -> str:
    """`query` as pinyin to look for (lower case, no spaces or apostrophes), or "" when
    it cannot be pinyin (Han characters, digits, punctuation)."""
    typed = query.lower().translate(_IGNORED_IN_QUERY)
    return typed if typed.isascii() and typed.isalpha() else ""


@cache
def _readings(char: str) -> tuple[str, ...]:
    """The ways `char` is read, toneless (`tong`), every reading pypinyin knows, the
    commonest first."""
    from pypinyin import Style, pinyin  # lazily: see the module's docstring

    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return tuple(
        dict.fromkeys(r for reading in readings for r in (reading, reading.replace("v", "u")))
    )


def _whole_parts(reading: str) -> tuple[str, ...]:
    """What typing a character whole may look like: its reading or its initial."""
    parts = [reading, reading[0]]
    if reading[:2] in _COMPOUND_INITIALS:
        parts.append(reading[:2])
    return tuple(parts)


def _consumed(query: str, chars: str, start: int) -> int | None:
    """How many characters from `chars[start]` on `query` spells exactly, or None."""
    if start == len(chars):
        return None
    readings = _readings(chars[start])
    if any(reading.startswith(query) for reading in readings):
        return 1
    for reading in readings:
        for part in _whole_parts(reading):
            if query.startswith(part):
                rest = _consumed(query[len(part) :], chars, start + 1)
                if rest is not None:
                    return 1 + rest
    return None


def pinyin_match(query: str, label: str) -> float:
    """How well `query`, typed as pinyin, spells a run of `label`'s Han characters: the
    share of them it spells, less when the run starts later (`tb` is 1.0 for 同步, 0.5
    for 同步情况); 0 when it does not."""
    typed = typed_pinyin(query)
    if not typed:
        return 0.0
    chars = "".join(char for char in label if _is_han(char))
    best = 0.0
    for start in range(len(chars)):
        consumed = _consumed(typed, chars, start)
        if consumed:
            best = max(best, consumed / (len(chars) + start))
    return best


@lru_cache(maxsize=65_536)
def _run_readings(run: str) -> tuple[str, ...]:
    """How a run of Han characters is read as words (长青 changqing, where 长 alone is
    zhang): pypinyin's phrases, ~100 µs a run, so runs met again (a village's name before
    each of its venues) are kept."""
    from pypinyin import Style, lazy_pinyin  # lazily: see the module's docstring

    return tuple(lazy_pinyin(run, style=Style.NORMAL))


def spelled(text: str) -> str:
    """What `text`'s Han characters are typed as, to store and search as a substring with
    `typed_pinyin`'s form of a query (东方市场 → "dongfangshichang dfsc"): in full and by
    initials, read as words (each run of Han characters on its own: 鼎美村·长青超市 reads
    长青 changqing) and, where that differs, character by character in each one's
    commonest reading (zhangqing), and with u for ü (lv and lu); "" for no Han characters.
    Not every reading of every character: a name would have dozens of forms."""
    runs = "".join(char if _is_han(char) else " " for char in text).split()
    if not runs:
        return ""
    as_words = [reading for run in runs for reading in _run_readings(run)]
    by_char = [_readings(char)[0] for run in runs for char in run]
    forms: dict[str, None] = {}
    for readings in (as_words, by_char):
        full = "".join(readings)
        forms.update(dict.fromkeys((full, "".join(r[0] for r in readings), full.replace("v", "u"))))
    return " ".join(forms)
