"""Every catalogue key is used by the program: a message nobody shows is one more to
translate and keep in step, and it hides which wording the UI really speaks.

A key counts as used when fieldapp/ or sync/ (outside the catalogues) holds it as a
string, or builds it in one of the ways the code builds keys:
- an f-string whose text has a dot (`f"ledger.kind.{kind}"`, `f"{texts}.bulk.title"`):
  its placeholders stand for any text, except a leading one, which stands for the stems
  listed in LEADING (the values the code passes there);
- `"prefix." + value`, `"some.key" + ("_restored" if ... else "")`;
- a dotted string handed on as a prefix (`labels.maybe("ledger.kind", kind)`,
  `_worded("refusal.person_field", field)`), and the prefixes given to `Names(...)`:
  the key is that prefix, a dot and anything;
- English `<key>_one`, when `<key>` is used (`fieldapp.i18n.counted`);
- `placard.checkpoint.<rest>`, when `placard.<rest>` is (reports/placards.py `_label`).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import fieldapp.i18n as i18n

ROOT = Path(__file__).resolve().parents[1]

# The leading placeholder of a key-building f-string, and the stems it stands for.
LEADING: dict[str, tuple[str, ...]] = {
    "texts": ("presence", "patrol.manual", "review", "incident"),  # dialogs/presence.py, lifecycles
    "self.texts": ("presence", "patrol.manual"),  # PresenceDialog(texts=...)
    "lifecycle.catalog": ("review", "incident"),  # domain/lifecycle.py Lifecycle.catalog
    "refused": ("review.refused", "incident.refused"),  # domain/findings.py
    "key": ("binding",),  # tui/commands.py: f"binding.{id}" then f"{key}.tip"
}
# Leading placeholders that build something else than a key (paths, field names, files).
NOT_KEYS = {
    "where",
    "sha256",
    "sha",
    "stem",
    "name",
    "screen",
    "prefix",
    "target.name",
    "path.name",
}


def _catalogue_keys() -> set[str]:
    keys: set[str] = set()
    for info in pkgutil.iter_modules(i18n.__path__):
        if info.name.startswith("catalog_"):
            module = importlib.import_module(f"fieldapp.i18n.{info.name}")
            keys |= set(module.ZH) | set(module.EN)
    return keys


def _sources() -> list[tuple[Path, ast.Module]]:
    found = []
    for top in ("fieldapp", "sync"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.parent.name == "i18n" and path.name.startswith("catalog_"):
                continue
            found.append((path, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _uses() -> tuple[set[str], list[str], list[str]]:
    """The strings, the key patterns, and the leading placeholders nobody accounted for."""
    strings: set[str] = set()
    patterns: list[str] = []
    unknown: list[str] = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if "." not in literal or not re.search(r"[a-z_]{2,}", literal) or " " in literal:
                    continue
                parts = [
                    re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in node.values
                ]
                first = node.values[0]
                if isinstance(first, ast.FormattedValue):
                    lead = ast.unparse(first.value)
                    if lead in NOT_KEYS:
                        continue
                    if lead not in LEADING:
                        unknown.append(f"{path.relative_to(ROOT)}:{node.lineno} {{{lead}}}")
                        continue
                    stems = "|".join(re.escape(s) for s in LEADING[lead])
                    parts[0] = f"(?:{stems})(?:\\..+)?"
                patterns.append("".join(parts))
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and "." in node.left.value
                and " " not in node.left.value
            ):
                patterns.append(re.escape(node.left.value) + ".+")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Names"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Tuple)
            ):
                for prefix in node.args[1].elts:
                    if isinstance(prefix, ast.Constant):
                        patterns.append(re.escape(str(prefix.value)) + r"\..+")
    patterns += [re.escape(s) + r"\..+" for s in strings if "." in s and " " not in s]
    return strings, patterns, unknown


def _unused() -> tuple[list[str], list[str]]:
    strings, patterns, unknown = _uses()
    built = re.compile("|".join(f"(?:{p})" for p in patterns))

    def used(key: str) -> bool:
        if key in strings or built.fullmatch(key):
            return True
        if key.endswith("_one") and used(key[: -len("_one")]):
            return True
        checkpoint = "placard.checkpoint."
        return key.startswith(checkpoint) and used("placard." + key[len(checkpoint) :])

    return sorted(k for k in _catalogue_keys() if not used(k)), unknown


def test_every_catalogue_key_is_used() -> None:
    unused, unknown = _unused()
    assert not unknown, f"say in LEADING or NOT_KEYS what these f-strings build: {unknown}"
    assert not unused, f"catalogue keys no code uses (delete them from both languages): {unused}"


def test_the_check_sees_a_key_left_behind() -> None:
    """The keys this check was written for are gone, and one no code names would be seen."""
    strings, patterns, _ = _uses()
    built = re.compile("|".join(f"(?:{p})" for p in patterns))
    for key in ("ledger.presence.manual", "ledger.reason.venue_closed", "export.bad_range"):
        assert key not in strings and not built.fullmatch(key)
    assert built.fullmatch("ledger.kind.hotel") and built.fullmatch("patrol.manual.title")
