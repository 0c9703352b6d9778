"""How presence confirmed by hand is said, in one place for the inspection record and the
ledger: "手工确认（其他原因：标牌被遮挡）" / "confirmed by hand (Other: …)"; and a scan, told
apart from a placard code read from a photo ("到场：标牌二维码读自照片…"). Worded in the
current language, or a document's own inside `i18n.written_in`."""

from __future__ import annotations

from peewee import SQL, Case, Node, NodeList, fn

from fieldapp.domain.presence import CAMERA, SCANNED
from fieldapp.i18n import t


def scanned_presence(*, verified: bool, from_photo: bool) -> str:
    """A scanned presence as the record says it: a placard code read from a photo file
    (`scan_proof.read_from_photo`) is said as such, never as a scan on site."""
    if from_photo:
        return t("record.presence.photo_verified" if verified else "record.presence.photo")
    return t("record.presence.verified" if verified else "record.presence.scanned")


def presence_said(presence: Node, proof: Node) -> Node:
    """`scan_proof.read_from_photo` in SQL, for a query of many rows (the ledger): the
    `presence` column as stored, but "photo" where it is "scanned" and every scan in the
    `proof` column is `CAMERA`."""
    scans = fn.json_array_length(proof, "$.scans")
    not_camera = SQL(", '$.scans') WHERE json_extract(value, '$.source') IS NOT ?)", [CAMERA])
    all_camera = NodeList((SQL("NOT EXISTS (SELECT 1 FROM json_each("), proof, not_camera), "")
    return Case(None, [((presence == SCANNED) & (scans > 0) & all_camera, "photo")], presence)


def reason_with_note(reason: str, note: str) -> str:
    """The reason chosen and the note typed ("其他原因：标牌被遮挡"). "other" is said short
    ("其他原因"), never as the form's prompt "其他原因（请在备注中说明）": the note says
    what it was."""
    said = "other_short" if reason == "other" else reason
    reason_text = t(f"presence_reason.{said}") if said else ""
    if reason_text and note:
        return t("presence.reason_note", reason=reason_text, note=note)
    return note or reason_text


def manual_presence(reason: str, note: str) -> str:
    """The reason chosen and the note typed, as the record shows them."""
    return t("presence.manual", reason=reason_with_note(reason, note))
