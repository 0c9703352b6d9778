"""Line numbers of tables and keys in a checklist TOML text, found without parsing it.

tomllib returns plain dicts with no positions, so the validator asks this map where an
item's table and its keys are, to point a person at the line to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_HEADER_RE = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]\]?\s*(#.*)?$")
_KEY_RE = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")


@dataclass
class Table:
    line: int  # the header line (1 for the root table)
    keys: dict[str, int] = field(default_factory=dict)


@dataclass
class LineMap:
    """Line numbers of tables and keys, from a scan of the text that needs no parse."""

    text: str
    root: Table
    sections: list[Table]
    items: list[list[Table]]

    @classmethod
    def scan(cls, text: str) -> LineMap:
        root = Table(1)
        sections: list[Table] = []
        items: list[list[Table]] = []
        current: Table | None = root
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER_RE.match(line)
            if header and not _KEY_RE.match(line):
                name = re.sub(r"\s+", "", header.group(1))
                if line.lstrip().startswith("[[") and name == "sections":
                    current = Table(number)
                    sections.append(current)
                    items.append([])
                elif line.lstrip().startswith("[[") and name == "sections.items" and items:
                    current = Table(number)
                    items[-1].append(current)
                else:
                    current = None  # [extra] and other tables: not tracked
                continue
            key = _KEY_RE.match(line)
            if key and current is not None:
                name = key.group(1) or key.group(2) or key.group(3)
                current.keys.setdefault(name, number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
        return cls(text, root, sections, items)

    def matches(self, data: dict[str, Any]) -> bool:
        """True when the scanned tables line up with the parsed sections and items."""
        sections = data.get("sections")
        if not isinstance(sections, list) or len(sections) != len(self.sections):
            return False
        for section, scanned in zip(sections, self.items, strict=True):
            section_items = section.get("items") if isinstance(section, dict) else None
            count = len(section_items) if isinstance(section_items, list) else 0
            if count != len(scanned):
                return False
        return True

    def code_line(self, code: str, occurrence: int = 1) -> int:
        """Fallback: the line of the n-th `code = "X"` (also in inline tables; 0 if absent)."""
        pattern = re.compile(rf"""(?:^|[{{,])\s*code\s*=\s*["']{re.escape(code)}["']""")
        seen = 0
        for number, line in enumerate(self.text.splitlines(), start=1):
            if pattern.search(line):
                seen += 1
                if seen == occurrence:
                    return number
        return 0

    def item_code_at(self, line: int) -> str:
        """The code of the item whose table holds `line` (for syntax errors)."""
        best: Table | None = None
        for tables in self.items:
            for table in tables:
                if table.line <= line and (best is None or table.line > best.line):
                    best = table
        if best is None or any(s.line > best.line and s.line <= line for s in self.sections):
            return ""
        code_line = best.keys.get("code")
        if not code_line:
            return ""
        found = re.search(r"""=\s*["']([^"']*)["']""", self.text.splitlines()[code_line - 1])
        return found.group(1) if found else ""
