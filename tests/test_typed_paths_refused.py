"""A path that names no usable file, typed, pasted or sent by a scanner, is said in words:
`~nosuchuser/a.jpg` in one burst (F2, or on the home screen) ended the app with
RuntimeError: Could not determine home directory, a name over 255 characters with OSError
(File name too long), in the scan dialog and at the export's F10; the photo fields showed
those English errors; a burst of /tmp was "not a code of this system" where typing it said
it is a folder; an export to a folder was said to go to a device. One check
(services.common.typed_paths) says each the same way everywhere, and a file that is no
picture is said in one sentence by F2 and the photo fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_wedge_scan import burst, messages, scanning_app
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.services.common.photos import PhotoError, import_photo
from fieldapp.services.incidents.evidence import EvidenceError, check_files
from fieldapp.services.placards.photo_scan import QrDecodeError, decode_qr_texts
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.screens.export import ExportScreen

UNKNOWN = "~nosuchuser/a.jpg"
LONG = "/tmp/" + "c" * 300 + ".jpg"


def unknown_user() -> str:
    return t("typed_path.unknown_user", user="nosuchuser", path=UNKNOWN)


def too_long(text: str) -> str:
    return t("typed_path.too_long", path=text[:49] + "…" + text[-49:])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", ["dialog", "home"])
async def test_a_burst_of_a_path_that_names_nothing_is_said(
    demo_home: Path, lang: str, where: str
) -> None:
    set_language(lang)
    app, _ = scanning_app()
    said = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        # On the home screen a / is the find key: there only a path from ~ is a burst.
        for text in (UNKNOWN, LONG, "/tmp") if where == "dialog" else (UNKNOWN,):
            if where == "dialog":
                await pilot.press("f2")
                await settle(app, pilot)
                assert isinstance(app.screen, ScanDialog)
            await burst(app, pilot, text)
            await settle(app, pilot)
            if where == "dialog":
                said.append(str(app.screen.query_one("#scan-message").render()))
                await pilot.press("escape")
                await settle(app, pilot)
            else:
                said.append(messages(app)[-1])
        assert app.is_running
    expected = [unknown_user(), too_long(LONG), t("scan.folder", path="/tmp")]
    expected = expected if where == "dialog" else expected[:1]
    set_language("zh")
    assert said == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_export_to_a_name_that_cannot_be_written_is_said(
    demo_supervisor: Path, lang: str
) -> None:
    long_name = "/tmp/" + "x" * 300 + ".xlsx"
    app = make_app(lang=lang)
    said = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        for text in (long_name, "~nosuchuser/x.xlsx", "/tmp"):
            screen.query_one("#export-path", Input).value = text
            await pilot.press("f10")
            await settle(app, pilot)
            assert not screen.running
            said.append(str(screen.query_one("#export-status", Static).render()))
        assert app.is_running
    set_language(lang)
    expected = [
        too_long(long_name),
        t("typed_path.unknown_user", user="nosuchuser", path="~nosuchuser/x.xlsx"),
        t("export.unwritable.is_a_folder", path="/tmp"),
    ]
    set_language("zh")
    assert said == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_photo_fields_say_it_in_words(demo_home: Path, lang: str) -> None:
    set_language(lang)
    refusals = []
    for text in (UNKNOWN, LONG):
        with pytest.raises(PhotoError) as photo:  # activity photos, the photo dialog
            import_photo(text)
        with pytest.raises(EvidenceError) as evidence:  # F4's evidence
            check_files([text])
        with pytest.raises(EvidenceError) as added:  # photos added to an incident
            check_files([text], photos_only=True)
        refusals.append({str(photo.value), str(evidence.value), str(added.value)})
    expected = [{unknown_user()}, {too_long(LONG)}]
    set_language("zh")
    assert refusals == expected


def test_a_file_that_is_no_picture_is_said_alike_by_f2_and_the_photo_fields(
    demo_home: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a photo")
    with pytest.raises(QrDecodeError) as scanned:
        decode_qr_texts(notes)
    with pytest.raises(PhotoError) as attached:
        import_photo(notes)
    assert (
        str(scanned.value) == str(attached.value) == t("photo_error.not_an_image", name="notes.jpg")
    )
