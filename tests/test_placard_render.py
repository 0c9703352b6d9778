"""Placards end to end: from a real store to PDF and PNG, back through the QR decoder,
verified against the store; and the `fieldapp scan` / `fieldapp placards` commands."""

from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from fieldapp.cli import main
from fieldapp.domain import placard
from fieldapp.domain.placard import SigningKey
from fieldapp.i18n import set_language
from fieldapp.reports import placards as reports
from fieldapp.reports import print_assets
from fieldapp.reports.placards import FontMissing, PlacardInfo, render_pdf, render_png
from fieldapp.services.placards import printing as service
from fieldapp.services.placards.photo_scan import QrDecodeError, decode_qr_texts
from fieldapp.store import close_store, open_store
from fieldapp.store.models import Grid, Person, PlacardKey, SyncState, Venue

VENUES = [
    # id, code, name, kind, grid
    ("v1", "DM-0001", "鼎美村·福顺小旅馆(示例)", "small_hotel", "DM"),
    ("v2", "DM-0002", "鼎美村·阿明小吃店(示例)", "small_restaurant", "DM"),
    ("v3", "DM-0101", "鼎美村三组·出租屋(示例)", "rental_housing", "DM-3"),
    ("v4", "YM-0001", "芸美村·便民超市(示例)", "supermarket", "YM"),
]

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A FIELDAPP_HOME whose store holds a town, two villages, an area and four venues,
    on a device enrolled for an inspector (the venues came with its sync)."""
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    open_store(tmp_path / "fieldapp.sqlite3")
    Person.create(id="p1", name="李网格", role="inspector")
    SyncState.insert(id=1, device_id="d1", person="p1").on_conflict_replace().execute()
    Grid.create(code="T", name="新阳镇", level="town", parent=None)
    Grid.create(code="DM", name="鼎美村", level="village", parent="T")
    Grid.create(code="DM-3", name="鼎美村三组", level="area", parent="DM")
    Grid.create(code="YM", name="芸美村", level="village", parent="T")
    for vid, code, name, kind, grid in VENUES:
        Venue.create(
            id=vid,
            code=code,
            name=name,
            kind=kind,
            grid=grid,
            address="示例路1号",
            contact="张三",
            phone="13800000000",
        )
    yield tmp_path
    close_store()


@pytest.fixture
def signer(home):
    """The server's placard key, its public half pulled onto this device."""
    key = SigningKey.generate()
    service.register_public_key(key.key_id, key.public_bytes)
    return key


def server_signed(infos: list[PlacardInfo], key: SigningKey) -> list[PlacardInfo]:
    """The same placards as the server prints them: signed with its key."""
    return [dataclasses.replace(i, payload=key.sign(i.venue_code), signed=True) for i in infos]


def test_grid_includes_its_child_grids_only(signer):
    infos = service.placards_for_grid("DM")
    assert [i.venue_code for i in infos] == ["DM-0001", "DM-0002", "DM-0101"]
    assert infos[2].grid_name == "鼎美村三组"
    assert [i.venue_code for i in service.placards_for_grid("T")] == [
        "DM-0001",
        "DM-0002",
        "DM-0101",
        "YM-0001",
    ]
    with pytest.raises(service.NotOnDevice, match="网格 XX 不在本设备上"):
        service.placards_for_grid("XX")
    with pytest.raises(service.NotOnDevice):
        service.placards_for_venue("DM-9999")


def test_a_device_prints_only_unsigned_placards_that_prove_nothing(signer, tmp_path):
    infos = service.placards_for_grid("DM")
    assert all(not i.signed and i.payload == i.venue_code for i in infos)
    png = render_png(infos[0], tmp_path / "unsigned.png", size="A5")
    (text,) = decode_qr_texts(png)
    result = service.verify_scan(text)
    assert result.plain_code and not result.ok and result.venue_id == "v1"
    pdf = tmp_path / "unsigned.pdf"
    render_pdf(infos[:1], pdf)
    page = PdfReader(pdf).pages[0].extract_text()
    assert "未签名标牌" in page and "不能证明到场" in page
    assert "二维码带数字签名" not in page


def test_a_key_the_device_made_itself_is_never_trusted(signer, home):
    """An older version signed placards with a key file in the data directory and
    registered it as a verification key; such a key proves nothing any more."""
    own = SigningKey.generate()
    body = {"key_id": own.key_id, "private_key": placard.encode_key(own.private_bytes)}
    (home / service.SELF_MADE_KEY_FILE).write_text(json.dumps(body), encoding="utf-8")
    service.register_public_key(own.key_id, own.public_bytes)
    assert own.key_id not in service.public_keys()
    assert service.verify_scan(own.sign("DM-0001")).kind == placard.UNKNOWN_KEY
    assert service.verify_scan(signer.sign("DM-0001")).ok  # the server's key still is


def test_png_round_trip_decode_and_verify_against_the_store(signer, tmp_path):
    infos = server_signed(service.placards_for_grid("DM"), signer)
    for size in ("A4", "A5"):
        for info in infos:
            png = render_png(info, tmp_path / f"{info.venue_code}-{size}.png", size=size)
            (text,) = decode_qr_texts(png)
            assert text == info.payload
            result = service.verify_scan(text)
            assert result.ok and result.kind == placard.OK
            assert result.venue_id == Venue.get(Venue.code == info.venue_code).id
            assert result.payload == info.payload


def test_pdf_holds_one_page_per_venue_with_the_chinese_name(signer, tmp_path):
    infos = server_signed(service.placards_for_grid("DM"), signer)
    out = tmp_path / "dm.pdf"
    assert render_pdf(infos, out) == 3
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    for page, info in zip(reader.pages, infos, strict=True):
        text = page.extract_text()
        assert info.name in text
        assert info.venue_code in text
        assert "消防安全提示" in text
    first = reader.pages[0].extract_text()
    assert "小旅馆" in first and "每间客房安装感烟报警器" in first
    assert "二维码带数字签名" in first and "未签名" not in first
    a5 = tmp_path / "a5.pdf"
    render_pdf(infos[:1], a5, size="A5")
    assert round(float(PdfReader(a5).pages[0].mediabox.width) / 72 * 25.4) == 148


def test_scan_refusals_from_the_store(signer):
    text = signer.sign("DM-0001")
    PlacardKey.update(revoked=True).where(PlacardKey.key_id == signer.key_id).execute()
    assert service.verify_scan(text).kind == placard.REVOKED
    PlacardKey.update(revoked=False).execute()

    elsewhere = service.verify_scan(signer.sign("ZZ-0001"))
    assert elsewhere.kind == placard.UNKNOWN_VENUE and not elsewhere.ok
    assert elsewhere.message() == "场所 ZZ-0001 不在本设备上，请同步后再试；仍找不到请联系网格长。"

    stranger = SigningKey.generate()
    assert service.verify_scan(stranger.sign("DM-0001")).kind == placard.UNKNOWN_KEY
    assert service.verify_scan("https://example.com/").kind == placard.NOT_FIELDAPP


def test_a_plain_code_opens_the_venue_but_proves_nothing(signer):
    result = service.verify_scan("dm-0002\n")
    assert result.plain_code and not result.ok
    assert result.venue_id == "v2" and result.venue_name == "鼎美村·阿明小吃店(示例)"
    assert "不能证明到场" in result.message()
    assert service.verify_scan("DM-0404").kind == placard.UNKNOWN_VENUE


def test_decoder_errors_say_what_to_do(tmp_path):
    not_image = tmp_path / "notes.png"
    not_image.write_text("not a picture")
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    for path, kind in (
        (tmp_path / "missing.jpg", "missing"),
        (not_image, "not_image"),
        (blank, "no_qr"),
    ):
        with pytest.raises(QrDecodeError) as caught:
            decode_qr_texts(path)
        assert caught.value.kind == kind
        assert path.name in str(caught.value)


def test_no_cjk_font_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(print_assets, "FONT_CANDIDATES", ())
    monkeypatch.delenv("FIELDAPP_CJK_FONT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list either
    with pytest.raises(FontMissing, match=r"apt-get install fonts-wqy-microhei"):
        print_assets.find_cjk_font()


def test_cli_prints_unsigned_placards_scans_a_signed_one_and_refuses_a_forged_one(
    signer, home, tmp_path
):
    close_store()
    runner = CliRunner()
    out, pngs = tmp_path / "dm.pdf", tmp_path / "png"
    printed = runner.invoke(
        main, ["placards", "--grid", "DM", "--out", str(out), "--png", str(pngs)]
    )
    assert printed.exit_code == 0, printed.output
    assert "已生成 3 张标牌" in printed.output
    assert "未签名标牌" in printed.output and "fieldapp admin placards" in printed.output
    assert not (home / service.SELF_MADE_KEY_FILE).exists()  # the device made no key
    open_store(home / "fieldapp.sqlite3")
    assert [k.key_id for k in PlacardKey.select()] == [signer.key_id]  # registered none
    close_store()
    assert len(PdfReader(out).pages) == 3

    unsigned = runner.invoke(main, ["scan", str(pngs / reports.png_name("DM-0001"))])
    # A placard was read, not a code typed: it is said to be unsigned (no "手动输入").
    assert unsigned.exit_code == 1
    assert "未签名的标牌 DM-0001：能找到场所，但不能证明到场" in unsigned.output
    assert "手动输入" not in unsigned.output
    unsigned_en = runner.invoke(
        main, ["--lang", "en", "scan", str(pngs / reports.png_name("DM-0001"))]
    )
    assert "Unsigned placard DM-0001: the venue is found" in unsigned_en.output
    assert "typed by hand" not in unsigned_en.output
    set_language("zh")

    open_store(home / "fieldapp.sqlite3")
    (info,) = server_signed(service.placards_for_venue("DM-0001"), signer)
    close_store()
    genuine = render_png(info, tmp_path / "genuine.png", size="A5")
    scanned = runner.invoke(main, ["scan", str(genuine)])
    assert scanned.exit_code == 0, scanned.output
    assert "标牌核验通过：场所 DM-0001" in scanned.output
    assert "鼎美村·福顺小旅馆(示例)" in scanned.output

    english = runner.invoke(main, ["--lang", "en", "scan", str(genuine)])
    assert english.exit_code == 0 and "Placard verified: venue DM-0001" in english.output
    set_language("zh")

    (text,) = decode_qr_texts(genuine)
    forged_info = PlacardInfo(
        "DM-0002", "假标牌", "small_shop", "", "", "", "", text.replace("DM-0001", "DM-0002")
    )
    forged = render_png(forged_info, tmp_path / "forged.png", size="A5")
    refused = runner.invoke(main, ["scan", str(forged)])
    assert refused.exit_code == 1
    assert "标牌内容被改动或伪造" in refused.output

    blank = tmp_path / "blank.png"
    Image.new("L", (300, 300), 255).save(blank)
    nothing = runner.invoke(main, ["scan", str(blank)])
    assert nothing.exit_code == 1 and "没有找到二维码" in nothing.output


def test_cli_one_venue_in_a5_and_asks_for_one_source(home, tmp_path):
    close_store()
    runner = CliRunner()
    out = tmp_path / "one.pdf"
    done = runner.invoke(
        main, ["placards", "--venue", "YM-0001", "--out", str(out), "--size", "a5"]
    )
    assert done.exit_code == 0, done.output
    assert "芸美村·便民超市(示例)" in PdfReader(out).pages[0].extract_text()
    neither = runner.invoke(main, ["placards", "--out", str(out)])
    assert neither.exit_code == 2 and "--grid" in neither.output
    missing = runner.invoke(main, ["placards", "--venue", "NO-0001", "--out", str(out)])
    assert missing.exit_code == 1 and "不在本设备上" in missing.output


def test_placards_as_pngs_only_need_no_pdf(home, tmp_path):
    """`fieldapp placards --venue YM-0001 --png DIR` failed 错误：缺少选项 --out although
    the PNGs were all that was wanted (as `admin placards` did before 12f363b)."""
    close_store()
    runner = CliRunner()
    pngs = tmp_path / "pngs"
    done = runner.invoke(main, ["placards", "--venue", "YM-0001", "--png", str(pngs)])
    assert done.exit_code == 0, done.output
    assert "已生成 1 张 PNG 图片" in done.output and "未签名标牌" in done.output
    assert [p.name for p in pngs.iterdir()] == [reports.png_name("YM-0001")]
    assert list(tmp_path.rglob("*.pdf")) == []
    neither = runner.invoke(main, ["placards", "--venue", "YM-0001"])
    assert neither.exit_code == 2
    assert "请用 --out 指定 PDF 文件，或用 --png 指定存放 PNG 的文件夹" in neither.output


def test_rendering_needs_no_store(tmp_path):
    close_store()
    key = SigningKey.generate()
    info = PlacardInfo(
        "XY-1", "独立渲染(示例)", "three_in_one", "", "某网格", "李四", "", key.sign("XY-1")
    )
    longer = dataclasses.replace(info, name="很长的名字" * 12, address="很长的地址" * 20)
    render_pdf([info, longer], tmp_path / "x.pdf")
    (text,) = decode_qr_texts(render_png(longer, tmp_path / "x.png"))
    assert text == info.payload


LONG_NAME_PLACARD = """
import sys
from pypdf import PdfReader
from fieldapp.domain.placard import SigningKey
from fieldapp.reports.placards import PlacardInfo, render_pdf, render_png

out = sys.argv[1]
key = SigningKey.generate()
info = PlacardInfo(
    "ZZ-0001", "长" * 50_000, "three_in_one", "址" * 50_000, "某网格", "李四", "", key.sign("ZZ-0001")
)
render_pdf([info], out + ".pdf")
render_png(info, out + ".png")
print(PdfReader(out + ".pdf").pages[0].extract_text())
"""


def test_a_name_of_50000_characters_is_cut_with_an_ellipsis_not_a_hang(tmp_path):
    """Found by a tester: shortening the name one character at a time, measuring each
    time, never finished; one such venue blocked its whole grid's placards."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", LONG_NAME_PLACARD, str(tmp_path / "zz")],
        capture_output=True,
        text=True,
        timeout=60,  # a normal placard takes about a second; the hang never ended
        check=True,
    )
    lines = done.stdout.splitlines()
    name_lines = [line for line in lines if line.startswith("长")]
    address = [line for line in lines if "址" in line]
    assert len(name_lines) == 2 and name_lines[-1].endswith("…")
    assert len(address) == 2 and address[-1].endswith("…")
    assert (tmp_path / "zz.png").stat().st_size > 0
