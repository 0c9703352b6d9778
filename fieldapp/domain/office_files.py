"""The files an office hands to the admin commands and the files they write, read and
written with one wording for what goes wrong: a path that is not there, a file saved in
another encoding, a folder that cannot be written. The errors were Python's, in English
("[Errno 2] No such file or directory", "'utf-8' codec can't decode byte 0xd7").

A text file may begin with the byte-order mark Windows Notepad writes ("UTF-8 with BOM");
it is read as the UTF-8 it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp.domain.wording import Problem, said

ZIP_SIGNATURE = b"PK\x03\x04"  # an .xlsx (and any Office Open XML file)
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # an .xls (and an old .doc)


class FileProblem(ValueError):
    """A file that cannot be read or written, worded for the person who named it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return str(self.problem)


def must_exist(path: Path) -> None:
    """Refuse a path that names no file (or names a folder) before a reader guesses why."""
    if not path.is_file():
        raise FileProblem(said("office_file.missing", file=str(path)))


def read_text(path: Path) -> str:
    """The file's text: UTF-8, with or without a byte-order mark."""
    must_exist(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        if workbook_format(path) == "xlsx":  # a checklist workbook under a TOML's name
            raise FileProblem(said("office_file.workbook", file=path.name)) from None
        raise FileProblem(said("office_file.not_utf8", file=path.name)) from None
    except OSError as error:
        raise FileProblem(unreadable(path, error)) from None


def workbook_format(path: Path) -> str:
    """ "xlsx" or "xls" for an Excel workbook, by its first bytes whatever its name; ""
    for any other file."""
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start.startswith(ZIP_SIGNATURE):
        return "xlsx"
    return "xls" if start == OLE_SIGNATURE else ""


def unreadable(path: Path, error: OSError) -> Problem:
    if isinstance(error, PermissionError):
        return said("office_file.no_read_permission", file=str(path))
    return said("office_file.unreadable", file=str(path), reason=error.strerror or str(error))


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Around the writing of `path`: an OSError becomes what to do about it."""
    try:
        yield
    except FileNotFoundError:
        folder = str(path.parent)
        raise FileProblem(said("office_file.no_folder", file=path.name, folder=folder)) from None
    except PermissionError:
        raise FileProblem(said("office_file.no_write_permission", file=str(path))) from None
    except IsADirectoryError:
        raise FileProblem(said("office_file.is_folder", file=str(path))) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileProblem(said("office_file.unwritable", file=str(path), reason=reason)) from None
