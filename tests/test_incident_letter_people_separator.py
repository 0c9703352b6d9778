"""The incident letter is Chinese: people typed `张三 摊主；李四 帮工` were printed with an
ASCII "; " between them; they are now joined as typed, with the full-width ；."""

from __future__ import annotations

from pathlib import Path

from incident_letter_support import handed_over_incident, pdf_text

from fieldapp.i18n import set_language
from fieldapp.services.incidents import letters


def test_the_letter_keeps_the_chinese_separator_between_people(demo_home: Path) -> None:
    incident_id = handed_over_incident(people="张三 摊主；李四 帮工")
    set_language("en")  # the screen's language is not the letter's
    try:
        pdf = letters.write_letter([incident_id])
    finally:
        set_language("zh")
    text = pdf_text(pdf)
    assert "张三摊主；李四帮工" in text, text
    assert "摊主;" not in text
