"""A path a person typed, pasted, or a scanner typed: the file it names, or in the
person's words why it names none. One check for the scan dialog (a placard's photo), the
photo and evidence fields, and the export's file name, so that none of them meets the
system's own errors: an unknown user's home (`~nosuchuser/a.jpg`: RuntimeError), a name
longer than the system takes (a path pasted twice: OSError, File name too long), a folder,
a device or pipe, or no file at all. The text said back is shortened: a 300-character
path pasted by mistake is not repeated over eight lines."""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass
from pathlib import Path

from fieldapp.i18n import t

SHOWN = 100  # characters of a path said back in a message


@dataclass(frozen=True, slots=True)
class PathWords:
    """What each field says (catalogue keys, formatted with {path}) of a path to a
    folder, to nothing (None: a file to be written, which need not be there yet), or to
    something that is no regular file."""

    folder: str
    missing: str | None
    not_a_file: str


PHOTO = PathWords("photo_error.a_folder", "photo_error.no_file", "typed_path.not_a_file")
PLACARD_PHOTO = PathWords("scan.folder", "scan.no_file", "typed_path.not_a_file")
EVIDENCE = PathWords(
    "incident.refused.media_folder", "incident.refused.media_missing", "typed_path.not_a_file"
)
NEW_FILE = PathWords("export.unwritable.is_a_folder", None, "export.unwritable.not_a_file")


class PathRefused(ValueError):
    """The typed path names no file that can be used; str() says why and what to do."""


def shown(text: str) -> str:
    """`text` as said back: its start and its end when it is long."""
    if len(text) <= SHOWN:
        return text
    half = (SHOWN - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def looks_like_path(text: str, suffixes: tuple[str, ...]) -> bool:
    """Is `text` meant as a file path (it starts with / or ~, or ends in one of `suffixes`)
    rather than a code?"""
    text = text.strip()
    return text.startswith(("/", "~")) or text.lower().endswith(suffixes)


def typed_path(text: str, words: PathWords, **values: object) -> Path:
    """The path `text` names, its ~ expanded, when it is a regular file (or, for a file
    to be written, nothing yet); PathRefused saying why not, in `words` where they differ
    (formatted with `values` too: the command line's option)."""
    text = text.strip()
    said = shown(text)
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # ~someone whom this computer does not know
        user = text[1:].split("/", 1)[0]
        raise PathRefused(t("typed_path.unknown_user", user=user, path=said, **values)) from None
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL byte
        if words.missing is None:
            return path
        raise PathRefused(t(words.missing, path=said, **values)) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise PathRefused(t("typed_path.too_long", path=said, **values)) from None
        if words.missing is None:  # the writing says why it could not (no permission)
            return path
        if error.errno in (errno.EACCES, errno.EPERM):
            raise PathRefused(t("typed_path.no_permission", path=said, **values)) from None
        raise PathRefused(t(words.missing, path=said, **values)) from None
    if stat.S_ISDIR(mode):
        raise PathRefused(t(words.folder, path=said, **values))
    if not stat.S_ISREG(mode):
        raise PathRefused(t(words.not_a_file, path=said, **values))
    return path
