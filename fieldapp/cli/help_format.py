"""A help laid out for Chinese as well as English: click measures a line by its number of
characters, and a Chinese character takes two columns of the terminal, so its help ran
past the window's edge. Text holding wide characters is wrapped here by the columns it
takes (a line may break between any two Chinese characters, never before their closing
punctuation); text without any is wrapped by click, as before. A heading ends with "："
after Chinese, ":" after English."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import click
from click.formatting import iter_rows, measure_table, wrap_text

# A run of narrow characters, or one wide character, each with the spaces after it.
_TOKEN = re.compile(r"[^\s\u1100-\uffff]+\s*|[\u1100-\uffff]\s*|\s+")
_NO_LINE_START = set("，。、；：？！）」』”’…],.;:?!)")  # "有寄宿生, 有人住宿": the comma stays
_NO_LINE_END = set("（「『“‘[")  # a note's "[" begins its line: "[默认：0]"
NO_BREAK = "\xa0"  # a space no line breaks at: "至少 1", "≥ 1" stay whole
_SPACES = re.compile(r"[^\S\xa0]+")  # whitespace a line may break at


def cells(text: str) -> int:
    """The terminal columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in "WF" for c in text)


def _tokens(paragraph: str) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(paragraph):
        if tokens and (
            token[0] in _NO_LINE_START
            or tokens[-1].rstrip()[-1:] in _NO_LINE_END
            or tokens[-1].endswith(NO_BREAK)
        ):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _fill(paragraph: str, width: int, first: str, rest: str) -> list[str]:
    lines, line = [], first
    for token in _tokens(_SPACES.sub(" ", paragraph).strip(" ")):
        if line.strip() and cells(line + token.rstrip()) > width:
            lines.append(line.rstrip())
            line = rest + token.lstrip()
        else:
            line += token
    lines.append(line.rstrip())
    return lines


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """click's wrap_text (paragraphs kept, a paragraph after a "\\b" line kept as written),
    measuring by terminal columns when `text` holds wide characters."""
    if not _wide(text):
        return wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs=True)
    out: list[str] = []
    indent = initial_indent
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        if out:
            out.append("")
        if paragraph.startswith("\b"):
            out += [subsequent_indent + line for line in paragraph.splitlines()[1:]]
        else:
            out += _fill(paragraph, width, indent, subsequent_indent)
        indent = subsequent_indent
    return "\n".join(out)


class LanguageHelpFormatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:
        colon = "：" if _wide(heading) else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """click's definition list (options, commands), its second column wrapped by
        columns."""
        rows = list(rows)
        first_col = min(measure_table(rows)[0], col_max) + col_spacing
        for first, second in iter_rows(rows, 2):
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


class LanguageContext(click.Context):
    formatter_class = LanguageHelpFormatter
    lang_asked: str | None = None  # the command's own --lang, read before --help runs
