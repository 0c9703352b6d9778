"""Checklists in the store: load the shipped TOML files at start-up and look them up.

A file is stored as one version `(id, version)`; a published version is never changed:
- a valid file whose (id, version) is not stored yet is inserted;
- the same (id, version) with the same content is unchanged, whatever its text: a version
  pulled from the server is stored in the server's normalised form (its sha256 is that of
  the canonical JSON body), so contents are compared, not file texts;
- the same (id, version) with different content is refused (the stored one stays) and
  reported, so the author bumps `version`;
- an invalid file is not loaded; the last good version stays in use.

Start-up is cheap when nothing changed: a file whose text sha256 is stored (the files
loaded here) or was found equal to a stored version before (setting `SEEN_SETTING`) is not
parsed at all. Inspections look items up often, so `get_checklist` keeps the parsed
checklists in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.domain.canonical import payload_hash
from fieldapp.domain.checklist import Checklist
from fieldapp.domain.clock import now_iso
from fieldapp.services.common import settings
from fieldapp.services.common.kinds import venue_kinds
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Checklist as ChecklistRow
from fieldapp.store.models import Venue as VenueRow

if TYPE_CHECKING:  # the TOML reader is imported only when a file is new or changed
    from fieldapp.domain.checklist_toml import ChecklistError

# Text sha256s of checklist files whose content equals a stored version with another sha
# (pulled from the server): the next start-up skips parsing them.
SEEN_SETTING = "checklist_files_seen"


class ChecklistNotFound(LookupError):
    """No stored checklist matches (the store has not loaded one for this kind or id)."""


@dataclass(frozen=True)
class KeptChecklist:
    """A file that claims an already-stored (id, version) but differs from it."""

    id: str
    version: int
    source: str
    stored_source: str


@dataclass
class LoadReport:
    """What `load_checklists` did, for the UI to show."""

    loaded: list[tuple[str, int]] = field(default_factory=list)  # newly stored (id, version)
    kept: list[KeptChecklist] = field(default_factory=list)
    errors: list[ChecklistError] = field(default_factory=list)
    unchanged: int = 0  # files already stored as they are

    @property
    def ok(self) -> bool:
        return not self.kept and not self.errors

    def messages(self) -> list[str]:
        """Lines a person reads (current language); errors stay file:line: code: message."""
        from fieldapp.i18n import t

        lines = [t("checklist.loaded", id=cid, version=version) for cid, version in self.loaded]
        lines += [
            t(
                "checklist.kept",
                source=k.source,
                id=k.id,
                version=k.version,
                stored_source=k.stored_source,
            )
            for k in self.kept
        ]
        if self.errors:
            files = {error.file for error in self.errors}
            lines.append(t("checklist.not_loaded", count=len(files)))
            lines += [str(error) for error in self.errors]
        return lines


# (database name, checklist id, version) -> parsed checklist
_cache: dict[tuple[str, str, int], Checklist] = {}


def _db_name() -> str:
    return str(ChecklistRow._meta.database.database)  # type: ignore[attr-defined]


def clear_cache() -> None:
    _cache.clear()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_checklists(directory: Path | None = None) -> LoadReport:
    """Validate every `*.toml` in `directory` (the shipped checklists by default) and
    store each new valid version. Never raises for a bad file: it goes in the report."""
    if directory is None:
        from fieldapp.paths import CHECKLISTS_DIR

        directory = CHECKLISTS_DIR
    report = LoadReport()
    seen = set(settings.get(SEEN_SETTING) or [])
    stored_shas = {row.sha256 for row in ChecklistRow.select(ChecklistRow.sha256)} | seen
    file_shas: set[str] = set()
    newly_seen: set[str] = set()
    to_insert: list[tuple[Checklist, str, str]] = []  # (checklist, sha256, source)
    for path in sorted(directory.glob("*.toml")):
        source = path.name
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            from fieldapp.domain.checklist_toml import ChecklistError
            from fieldapp.domain.wording import said

            report.errors.append(
                ChecklistError(source, 0, "", said("checklist.cannot_read", error=exc))
            )
            continue
        sha = sha256_text(text)
        file_shas.add(sha)
        if sha in stored_shas:
            report.unchanged += 1
            continue
        from fieldapp.domain.checklist_toml import ChecklistInvalid, load_checklist_text

        try:
            checklist = load_checklist_text(text, source)
        except ChecklistInvalid as exc:
            report.errors.extend(exc.errors)
            continue
        key = (checklist.id, checklist.version)
        stored = (
            ChecklistRow.select(ChecklistRow.source, ChecklistRow.body)
            .where(
                (ChecklistRow.checklist_id == checklist.id)
                & (ChecklistRow.version == checklist.version)
            )
            .first()
        )
        if stored is not None and content_sha(checklist) == payload_hash(stored.body):
            report.unchanged += 1  # the same version, written from another text
            newly_seen.add(sha)
            continue
        pending = [src for c, _, src in to_insert if (c.id, c.version) == key]
        if stored is not None or pending:
            previous = stored.source if stored is not None else pending[0]
            report.kept.append(KeptChecklist(checklist.id, checklist.version, source, previous))
            continue
        to_insert.append((checklist, sha, source))
        stored_shas.add(sha)
    if to_insert:
        loaded_at = now_iso()
        with write_transaction(ChecklistRow._meta.database):  # type: ignore[attr-defined]
            for checklist, sha, source in to_insert:
                ChecklistRow.insert(
                    checklist_id=checklist.id,
                    version=checklist.version,
                    kinds=list(checklist.kinds),
                    title_zh=checklist.title_zh,
                    title_en=checklist.title_en,
                    body=checklist.to_dict(),
                    sha256=sha,
                    source=source,
                    loaded_at=loaded_at,
                ).execute()
                _cache[(_db_name(), checklist.id, checklist.version)] = checklist
                report.loaded.append((checklist.id, checklist.version))
    if newly_seen:
        settings.put(SEEN_SETTING, sorted((seen & file_shas) | newly_seen))
    return report


def content_sha(checklist: Checklist) -> str:
    """The sha256 of a checklist's canonical JSON body, as the server computes it."""
    return payload_hash(checklist.to_dict())


def get_checklist(checklist_id: str, version: int) -> Checklist:
    """The stored checklist version an inspection pinned (cached after the first read)."""
    key = (_db_name(), checklist_id, version)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    row = (
        ChecklistRow.select(ChecklistRow.body)
        .where((ChecklistRow.checklist_id == checklist_id) & (ChecklistRow.version == version))
        .first()
    )
    if row is None:
        raise ChecklistNotFound(f"checklist {checklist_id} v{version} is not in the store")
    checklist = Checklist.from_dict(row.body)
    _cache[key] = checklist
    return checklist


def uncovered_kinds(kinds: Iterable[str]) -> list[str]:
    """The kinds of `kinds` no stored checklist covers: their venues cannot be inspected
    (`startable`) until the office publishes one, so they are not due."""
    query = ChecklistRow.select(ChecklistRow.kinds)
    covered = {kind for row in query for kind in row.kinds or ()}
    return sorted(set(kinds) - covered)


def due_in(grids: Sequence[str]):  # type: ignore[no-untyped-def]
    """Venues of `grids` that can fall due: a venue of a kind (shipped or published) no
    checklist here covers is left out, as it cannot be inspected until one comes."""
    in_grids = VenueRow.grid.in_(list(grids))
    uncovered = uncovered_kinds(venue_kinds())
    return in_grids & VenueRow.kind.not_in(uncovered) if uncovered else in_grids


def checklist_for_kind(kind: str) -> Checklist:
    """The newest stored checklist for a venue kind.

    A checklist whose id is the kind itself wins over others that also list the kind;
    within one id the highest version wins.
    """
    rows = ChecklistRow.select(
        ChecklistRow.checklist_id, ChecklistRow.version, ChecklistRow.kinds, ChecklistRow.loaded_at
    )
    candidates = [row for row in rows if kind in (row.kinds or [])]
    if not candidates:
        raise ChecklistNotFound(f"no checklist for venue kind {kind!r} in the store")
    best = max(candidates, key=lambda r: (r.checklist_id == kind, r.version, r.loaded_at))
    return get_checklist(best.checklist_id, best.version)


def stored_versions(checklist_id: str) -> list[int]:
    """Every stored version of one checklist, oldest first."""
    query = (
        ChecklistRow.select(ChecklistRow.version)
        .where(ChecklistRow.checklist_id == checklist_id)
        .order_by(ChecklistRow.version)
    )
    return [row.version for row in query]
