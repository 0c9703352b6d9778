"""Finding a Chinese label by its pinyin, typed without switching the input method: in
full (`tongbu`, `tong bu`), by initials (`tb`, `zhg`) or both mixed (`tongb`) for 同步.
The last character typed may be cut short (`tongb`, `zhengga`), as while typing.

Tones are not typed; ü is typed `v` or `u`. A character read more than one way (重: zhong,
chong) is found by any of its readings. Only the Han characters of a label count: the key
beside it, `(f12)`, is matched as text by the palette's own matcher.

pypinyin is imported only when asked (`load_pinyin`, or the first match), never at start:
start-up time is measured (bench/bench_cold_start.py).
"""

from __future__ import annotations

from functools import cache

_COMPOUND_INITIALS = ("zh", "ch", "sh")
_IGNORED_IN_QUERY = str.maketrans("", "", " '")


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def load_pinyin() -> None:
    """Import pypinyin now (a few hundred ms): for a caller that can wait off its event
    loop, so that the first search does not stall the screen."""
    import pypinyin  # noqa: F401


@cache
def _readings(char: str) -> tuple[str, ...]:
    """The ways `char` is read, toneless (`tong`), every reading pypinyin knows."""
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
    typed = query.lower().translate(_IGNORED_IN_QUERY)
    if not typed or not typed.isascii() or not typed.isalpha():
        return 0.0
    chars = "".join(char for char in label if _is_han(char))
    best = 0.0
    for start in range(len(chars)):
        consumed = _consumed(typed, chars, start)
        if consumed:
            best = max(best, consumed / (len(chars) + start))
    return best
