"""How presence confirmed by hand is said, in one place for the inspection record and the
ledger: "手工确认（其他原因：标牌被遮挡）" / "confirmed by hand (Other: …)". Worded in the
current language, or a document's own inside `i18n.written_in`."""

from __future__ import annotations

from fieldapp.i18n import t


def manual_presence(reason: str, note: str) -> str:
    """The reason chosen and the note typed, as the record shows them. "other" is said
    short ("其他原因"), never as the form's prompt "其他原因（请在备注中说明）": the note
    says what it was."""
    said = "other_short" if reason == "other" else reason
    reason_text = t(f"presence_reason.{said}") if said else ""
    if reason_text and note:
        note = t("presence.reason_note", reason=reason_text, note=note)
    return t("presence.manual", reason=note or reason_text)
