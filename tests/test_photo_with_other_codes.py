"""A photo of a placard with another QR beside it (a shop's payment QR) opens the
placard's venue: it was refused as 这不是本系统的场所二维码, the payment QR being read
first. A photo of two different placards is refused, naming both, and asks for a photo
of one: it opened the first silently. `fieldapp scan` names each code's venue code."""

from __future__ import annotations

from pathlib import Path

import pytest
import qrcode
from click.testing import CliRunner
from PIL import Image
from pilot_support import settle
from test_photo_scan_said import language, photo_of, typed_in_f2  # noqa: F401 (a fixture)
from test_scan_sources import server_keys  # noqa: F401 (a fixture)
from test_wedge_scan import Keys, my_venues, scanning_app

from fieldapp.cli import main
from fieldapp.domain.placard import generate_key, sign_payload
from fieldapp.i18n import set_language, t
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.store import close_store
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog

PAYMENT = "https://qr.alipay.com/fkx12345abcde"


def side_by_side(left: Path, right: Image.Image, out: Path) -> Path:
    """One photo of the placard at `left` with `right` beside it."""
    with Image.open(left) as placard:
        page = Image.new(
            "RGB", (placard.width + right.width + 40, max(placard.height, right.height)), "white"
        )
        page.paste(placard, (0, 0))
        page.paste(right, (placard.width + 40, 0))
    page.save(out)
    return out


def payment_qr() -> Image.Image:
    return qrcode.make(PAYMENT, box_size=12).get_image().convert("RGB")


async def photo_in_f2(photo: Path) -> tuple[type, str]:
    """The photo's path typed into F2: the screen it leads to, and what that says."""
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await typed_in_f2(app, pilot, str(photo))
        screen = app.screen
        body = ".dialog-body" if isinstance(screen, ScannedVenueDialog) else "#scan-message"
        return type(screen), str(screen.query_one(body).render())


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_a_placard_beside_a_payment_qr_opens_its_venue(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,  # noqa: F811
) -> None:
    venue = my_venues(1)[0]
    photo = side_by_side(
        photo_of(server_keys, venue, tmp_path), payment_qr(), tmp_path / "两个.png"
    )
    shown, said = await photo_in_f2(photo)
    assert shown is ScannedVenueDialog and venue.code in said, said


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_a_photo_of_two_placards_is_refused_naming_both(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,  # noqa: F811
) -> None:
    first, second = my_venues(2)
    with Image.open(photo_of(server_keys, second, tmp_path)) as other:
        photo = side_by_side(
            photo_of(server_keys, first, tmp_path), other.convert("RGB"), tmp_path / "二.png"
        )
    shown, said = await photo_in_f2(photo)
    assert shown is ScanDialog  # open for a better photo
    codes = {first.code, second.code}
    expected = {
        t("placard.photo.several_placards", path=str(photo), codes=t("placard.photo.sep").join(c))
        for c in ((first.code, second.code), (second.code, first.code))
    }
    assert said in expected, said
    assert all(code in said for code in codes)


def test_the_cli_names_each_codes_placard_code(demo_home: Path, tmp_path: Path) -> None:
    """Two placards signed with a key this device lacks: both said 本机还没有这块标牌的
    密钥, alike, unless each says its code."""
    first, second = my_venues(2)
    key_id, private, _ = generate_key()
    photos = [
        render_png(
            PlacardInfo.of(v, "网格", sign_payload(v.code, key_id, private)),
            tmp_path / f"{v.code}.png",
            size="A5",
        )
        for v in (first, second)
    ]
    with Image.open(photos[1]) as other:
        photo = side_by_side(photos[0], other.convert("RGB"), tmp_path / "two.png")
    close_store()
    out = CliRunner().invoke(main, ["--lang", "en", "scan", str(photo)]).output
    lines = out.splitlines()
    assert lines[0] == "2 QR codes in the photo:", out
    assert len(set(lines)) == len(lines), out  # no two codes said alike
    said = lines[1:]
    set_language("en")
    unknown = t("placard.check.unknown_key", key_id=key_id)
    set_language("zh")
    assert sorted(said) == sorted(
        f"QR code {n} (placard {code}): {unknown}"
        for n, code in zip((1, 2), (first.code, second.code), strict=True)
    ) or sorted(said) == sorted(
        f"QR code {n} (placard {code}): {unknown}"
        for n, code in zip((2, 1), (first.code, second.code), strict=True)
    ), out
