"""Administration against the server database: imports, checklists, codes, devices.

Every import is all or nothing: every row is checked first, every problem is reported
with its row number and column, and only a clean file is written, in one transaction,
with its pull-feed entries.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from fieldapp.domain.office_files import read_text
from fieldapp.domain.placard import VENUE_CODE_RE
from fieldapp.domain.wording import said
from sync.protocol import canonical_json
from sync.server import audit, headers
from sync.server import db as server_db
from sync.server.campaign_item_codes import campaign_clashes
from sync.server.feed import NewChange, append_changes
from sync.server.grid_codes import GRID_SPLIT, name_stored_grids
from sync.server.grid_import import import_grids as import_grids  # admin.import_grids
from sync.server.models import AuditEntry, Checklist, Device, Grid, Person, PersonGrid, PlacardKey
from sync.server.office import known_kinds
from sync.server.person_ids import name_stored_people
from sync.server.records import checklist_change, person_changes, placard_key_change
from sync.server.tables import (
    ImportRefused,
    Row,
    RowError,
    also_on_row,
    check_phone,
    read_table,
)
from sync.server.venue_cells import role_names


def import_people(path: Path | str) -> int:
    table = read_table(path, ("id", "name", "role"), headers.PEOPLE)
    rows = table.rows
    name_stored_people(rows, "id", also=[row.get("id") for row in rows])  # p1 is P1
    name_stored_grids(rows, "grids", many=True)
    errors: list[RowError] = list(table.problems)
    seen: dict[str, int] = {}
    known = {g.code for g in Grid.select(Grid.code)}
    roles, role_of = role_names(), {}  # row number -> the role's code
    for row in rows:
        pid = row.get("id")
        if not pid:
            errors.append(RowError(row.number, "id", "import.person_id_empty"))
        elif pid in seen:
            errors.append(also_on_row(row, "id", pid, seen[pid]))
        seen[pid] = row.number
        if not row.get("name"):
            errors.append(RowError(row.number, "name", "import.name_empty"))
        role_of[row.number] = roles.code(errors, row, "role", "import.not_role")
        check_phone(errors, row)
        for code in grids_of(row.get("grids")):
            if code not in known:
                errors.append(RowError(row.number, "grids", "import.no_grid", {"grid": code}))
    if errors:
        raise ImportRefused(Path(path).name, errors, headers=table.headers)
    with server_db.write_transaction():
        before = _roles_and_grids([row.get("id") for row in rows])
        changes: list[NewChange] = []
        for row in rows:
            pid = row.get("id")
            role = role_of[row.number]
            values = {"name": row.get("name"), "role": role, "phone": row.get("phone")}
            Person.insert(id=pid, **values).on_conflict(
                conflict_target=[Person.id], update=values
            ).execute()
            PersonGrid.delete().where(PersonGrid.person == pid).execute()
            links = [{"person": pid, "grid": code} for code in grids_of(row.get("grids"))]
            if links:
                PersonGrid.insert_many(links).execute()
            changes += person_changes(Person.get_by_id(pid))
            _audit_person(pid, before.get(pid), role, grids_of(row.get("grids")))
        audit.record(audit.PEOPLE_IMPORTED, subject=Path(path).name, detail={"rows": len(rows)})
        append_changes(changes)
    return len(rows)


def _roles_and_grids(person_ids: list[str]) -> dict[str, tuple[str, list[str]]]:
    """(role, sorted grid codes) of those people already on the server."""
    found: dict[str, tuple[str, list[str]]] = {
        p.id: (p.role, []) for p in Person.select().where(Person.id.in_(person_ids))
    }
    for link in PersonGrid.select().where(PersonGrid.person.in_(list(found))):
        found[link.person_id][1].append(link.grid_code)
    return {pid: (role, sorted(grids)) for pid, (role, grids) in found.items()}


def _audit_person(
    person_id: str, before: tuple[str, list[str]] | None, role: str, grids: list[str]
) -> None:
    """One entry per change of a person's role or grids (who may see and do what)."""
    if before is None:
        audit.record(
            audit.PERSON_ADDED, subject=person_id, detail={"role": role, "grids": sorted(grids)}
        )
        return
    old_role, old_grids = before
    if old_role != role:
        audit.record(
            audit.PERSON_ROLE_CHANGED, subject=person_id, detail={"from": old_role, "to": role}
        )
    if old_grids != sorted(grids):
        audit.record(
            audit.PERSON_GRIDS_CHANGED,
            subject=person_id,
            detail={"from": old_grids, "to": sorted(grids)},
        )


def check_code(
    errors: list[RowError],
    row: Row,
    code: str,
    seen: dict[str, int],
    by_code: dict[str, str],
    *,
    what: str,
) -> None:
    """A row's code: given, not repeated in the file, and not another record's when the
    row names its id (`by_code`: the codes the server holds → their ids)."""
    if not code:
        errors.append(RowError(row.number, "code", f"import.code_empty.{what}"))
    elif code in seen:
        errors.append(also_on_row(row, "code", code, seen[code]))
    seen[code] = row.number
    rid = row.get("id")
    if rid and code in by_code and by_code[code] != rid:
        errors.append(
            RowError(
                row.number,
                "id",
                f"import.code_taken.{what}",
                {"code": code, "owner": by_code[code]},
            )
        )


def check_placard_code(errors: list[RowError], row: Row, code: str) -> None:
    """A venue's or checkpoint's code goes on its placard: refused here when a placard
    could not carry it, as printing would fail for it (and for its whole grid)."""
    if code and not VENUE_CODE_RE.fullmatch(code):
        shown = row.get("code")  # as the file has it: "bad code!", not BAD CODE!
        errors.append(RowError(row.number, "code", "import.not_placard_code", {"code": shown}))


def grids_of(text: str) -> list[str]:
    return list(dict.fromkeys(c for c in GRID_SPLIT.split(text.strip()) if c))


@dataclass(frozen=True)
class Published:
    checklist_id: str
    version: int
    new: bool


def publish_checklist(path: Path | str) -> Published:
    """Validate and publish one checklist version (TOML as in assets/, its JSON form, or
    the XLSX workbook `fieldapp admin checklist export` writes, with errors at their cells)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):  # the sheet an office edited
        from sync.server.checklist_xlsx import read_xlsx

        doc = read_xlsx(path, kinds=known_kinds())
    elif path.suffix.lower() == ".json":
        from fieldapp.domain.checklist_toml import load_checklist_json

        doc = load_checklist_json(read_text(path), path.name)
    else:
        from fieldapp.domain.checklist_toml import load_checklist_text

        # raises ChecklistInvalid listing errors; any kind the office imported is known
        text = read_text(path)  # FileProblem: missing, not UTF-8 (a BOM is fine)
        doc = load_checklist_text(text, path.name, kinds=known_kinds())
    body = doc.to_dict()
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    with server_db.write_transaction():
        existing = Checklist.get_or_none(
            (Checklist.checklist_id == doc.id) & (Checklist.version == doc.version)
        )
        if existing is not None:
            if existing.sha256 != digest:
                next_version = _next_version(doc.id)
                raise ValueError(
                    said(
                        "admin.published.changed", id=doc.id, version=doc.version, next=next_version
                    )
                )
            return Published(doc.id, doc.version, new=False)
        _refuse_unused(doc.id, doc.version, doc.kinds)
        if clashes := campaign_clashes(doc):
            clash = clashes[0]  # devices could not tell the two items apart: answers would mix
            raise ValueError(
                said(
                    "admin.published.campaign_item_clash",
                    file=path.name,
                    item=clash.item,
                    kind=clash.kind,
                    campaign=clash.campaign,
                )
            )
        row = Checklist.create(
            checklist_id=doc.id,
            version=doc.version,
            kinds=list(doc.kinds),
            title_zh=doc.title_zh,
            title_en=doc.title_en,
            body=body,
            sha256=digest,
            source=path.name,
            published_at=server_db.now_iso(),
        )
        audit.record(
            audit.CHECKLIST_PUBLISHED,
            subject=f"{doc.id}@{doc.version}",
            detail={"file": path.name, "sha256": digest},
        )
        append_changes([checklist_change(row)])
    return Published(doc.id, doc.version, new=True)


def _refuse_unused(checklist_id: str, version: int, kinds: tuple[str, ...] | list[str]) -> None:
    """Refuse a version devices would never use, as publishing it would tell the office a
    form is live that is not. A kind has one checklist (DESIGN: a kind names its
    checklist), and devices take the highest version of it: a checklist under another id
    for a kind that has one (a shipped kind's is its own code), or a version below one
    already published, would sit unused."""
    from fieldapp.domain.kinds import VENUE_KINDS

    for kind in kinds:
        owners = {kind} if kind in VENUE_KINDS else set()
        owners |= {r.checklist_id for r in Checklist.select(Checklist.checklist_id, Checklist.kinds)
                   if kind in (r.kinds or ())}  # fmt: skip
        owners.discard(checklist_id)
        if owners:
            owner = min(owners)
            next_version = _next_version(owner)
            raise ValueError(
                said("admin.published.kind_taken", kind=kind, owner=owner, next=next_version)
            )
    newest = _next_version(checklist_id) - 1
    if version < newest:  # the shipped version itself may be published (the demo does)
        raise ValueError(
            said(
                "admin.published.older",
                id=checklist_id,
                version=version,
                newest=newest,
                next=newest + 1,
            )
        )


def _next_version(checklist_id: str) -> int:
    """One above the newest version published here or shipped with the program (a device
    holds the shipped ones without a pull)."""
    newest = Checklist.select(fn.MAX(Checklist.version)).where(
        Checklist.checklist_id == checklist_id
    )
    return max(int(newest.scalar() or 0), _shipped_version(checklist_id)) + 1


def _shipped_version(checklist_id: str) -> int:
    import tomllib

    from fieldapp.paths import CHECKLISTS_DIR

    shipped = (CHECKLISTS_DIR / checklist_id).with_suffix(".toml")
    if not re.fullmatch(r"[a-z0-9_]+", checklist_id) or not shipped.is_file():
        return 0
    return int(tomllib.loads(shipped.read_text("utf-8")).get("version", 0))


def publish_placard_key(key_id: str, public_key: str, *, revoked: bool = False) -> None:
    """Publish (or revoke) a placard verification key; devices pull it. A revocation
    keeps the server time it was first made (scans from before it still verify)."""
    values: dict[str, object] = {"public_key": public_key, "revoked": revoked}
    with server_db.write_transaction():
        held = PlacardKey.get_or_none(PlacardKey.key_id == key_id)
        if revoked:
            values["revoked_at"] = (held and held.revoked_at) or server_db.now_iso()
        PlacardKey.insert(key_id=key_id, created_at=server_db.now_iso(), **values).on_conflict(
            conflict_target=[PlacardKey.key_id], update=values
        ).execute()
        append_changes([placard_key_change(PlacardKey.get_by_id(key_id))])


def list_devices() -> list[Device]:
    return list(Device.select(Device, Person).join(Person).order_by(Device.created_at))


RETIRED_STATES = {audit.DEVICE_SIGNED_OUT: "signed_out", audit.DEVICE_REPLACED: "replaced"}


def retired_devices() -> dict[str, str]:
    """The devices that retired themselves, and how (an `admin devices` state): at the end
    of a `fieldapp web` session, or by enrolling again for the same person."""
    query = AuditEntry.select(AuditEntry.subject, AuditEntry.action).where(
        AuditEntry.action.in_(list(RETIRED_STATES))
    )
    return {entry.subject: RETIRED_STATES[entry.action] for entry in query}
