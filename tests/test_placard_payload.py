"""The placard payload: signing, verifying, and each refusal with its own message."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain import placard
from fieldapp.domain.placard import (
    DAMAGED,
    FORGED,
    NOT_FIELDAPP,
    OK,
    REVOKED,
    UNKNOWN_KEY,
    UNSUPPORTED_VERSION,
    SigningKey,
    generate_key,
    sign_payload,
    verify_payload,
)
from fieldapp.i18n import catalog_placard, set_language

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def key():
    key_id, private, public = generate_key()
    return key_id, private, public


def keys_of(*entries: tuple[str, bytes, bytes], revoked: tuple[str, ...] = ()):
    return {kid: (pub, kid in revoked) for kid, _priv, pub in entries}


def other_b32(c: str) -> str:
    return "A" if c != "A" else "B"


def test_round_trip(key):
    kid, private, public = key
    text = sign_payload("DM-0042", kid, private)
    check = verify_payload(text, keys_of(key))
    assert check.kind == OK and check.ok
    assert (check.venue_code, check.key_id) == ("DM-0042", kid)
    assert check.message() == f"标牌核验通过：场所 DM-0042（密钥 {kid}）"


def test_payload_is_short_ascii_in_the_qr_alphanumeric_set(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    assert text.startswith("FA1:DM-0042:")
    assert len(text) <= 121
    assert set(text) <= QR_ALPHANUMERIC
    assert text.isascii()


def test_scanner_noise_and_caps_lock_are_tolerated(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    for typed in (text + "\r\n", "  " + text + "\t", text.lower()):
        assert verify_payload(typed, keys_of(key)).kind == OK


def test_venue_codes_are_canonical_and_checked(key):
    kid, private, _ = key
    assert sign_payload(" dm-0042 ", kid, private).startswith("FA1:DM-0042:")
    for bad in ("", "DM:0042", "鼎美-1", "A" * 25, "DM 0042", "DM_0042"):
        with pytest.raises(ValueError):
            sign_payload(bad, kid, private)


def test_key_ids_are_short_and_derived_from_the_key(key):
    kid, private, public = key
    assert re.fullmatch(r"[A-Z2-7]{5}", kid)
    assert placard.key_id_for(public) == kid
    assert placard.public_from_private(private) == public
    assert placard.decode_key(placard.encode_key(public)) == public


def test_one_character_changed_in_the_signature_is_forged(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    for position in (len(text) - 60, len(text) - 2):
        altered = text[:position] + other_b32(text[position]) + text[position + 1 :]
        check = verify_payload(altered, keys_of(key))
        assert check.kind == FORGED
        assert check.message_key == "placard.check.forged"


def test_the_last_characters_spare_bits_do_not_slip_through(key):
    # 103 base32 chars carry 515 bits for 512: the last char has 3 spare bits. Changing
    # only those would decode to the same signature; we refuse the non-canonical text.
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    last = B32.index(text[-1])
    altered = text[:-1] + B32[last ^ 1]
    assert verify_payload(altered, keys_of(key)).kind == FORGED


def test_one_character_changed_in_the_venue_code_is_forged(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    altered = text.replace("DM-0042", "DM-0043")
    check = verify_payload(altered, keys_of(key))
    assert check.kind == FORGED and check.venue_code == "DM-0043"


def test_a_character_outside_the_alphabet_is_damaged(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    altered = text[:-5] + "1" + text[-4:]  # base32 has no 1
    check = verify_payload(altered, keys_of(key))
    assert check.kind == DAMAGED
    assert check.message() == "二维码不完整或已损坏，请重新扫描或手动查找场所。"


@pytest.mark.parametrize("keep", [3, 4, 10, 12, 18, 60, -1])
def test_truncated_is_damaged(key, keep):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    check = verify_payload(text[:keep], keys_of(key))
    assert check.kind == DAMAGED, text[:keep]
    assert check.message_key == "placard.check.damaged"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://u.wechat.com/EDwzmLMYAbcD",
        "WIFI:S:office;T:WPA;P:secret;;",
        "6901234567892",
        "鼎美村",
        "FB1:DM-0042:ABCDE:AAAA",
    ],
)
def test_another_apps_code_is_not_fieldapp(key, text):
    check = verify_payload(text, keys_of(key))
    assert check.kind == NOT_FIELDAPP
    assert "不是本系统" in check.message()


def test_a_newer_format_asks_for_an_update(key):
    kid, private, _ = key
    text = "FA2" + sign_payload("DM-0042", kid, private)[3:]
    check = verify_payload(text, keys_of(key))
    assert check.kind == UNSUPPORTED_VERSION
    assert "更新" in check.message()


def test_a_revoked_key_is_refused(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    check = verify_payload(text, keys_of(key, revoked=(kid,)))
    assert check.kind == REVOKED
    assert "作废" in check.message()


def test_an_unknown_key_offers_to_sync(key):
    kid, private, _ = key
    text = sign_payload("DM-0042", kid, private)
    check = verify_payload(text, keys_of(generate_key()))
    assert check.kind == UNKNOWN_KEY and check.key_id == kid
    assert "同步" in check.message() and kid in check.message()


def test_a_signature_by_another_key_under_a_known_id_is_forged(key):
    kid, _private, public = key
    _, thief_private, _ = generate_key()
    text = sign_payload("DM-0042", kid, thief_private)
    assert verify_payload(text, {kid: (public, False)}).kind == FORGED


def test_rotation_old_placards_keep_verifying_until_revoked():
    old, new = SigningKey.generate(), SigningKey.generate()
    old_text, new_text = old.sign("DM-0042"), new.sign("DM-0042")
    both = {old.key_id: (old.public_bytes, False), new.key_id: (new.public_bytes, False)}
    assert verify_payload(old_text, both).kind == OK
    assert verify_payload(new_text, both).kind == OK
    both[old.key_id] = (old.public_bytes, True)
    assert verify_payload(old_text, both).kind == REVOKED
    assert verify_payload(new_text, both).kind == OK


def test_every_refusal_has_its_own_message_in_both_languages():
    kinds = (*placard.REFUSALS, OK, placard.PLAIN_CODE)
    zh = {catalog_placard.ZH[f"placard.check.{k}"] for k in kinds}
    en = {catalog_placard.EN[f"placard.check.{k}"] for k in kinds}
    assert len(zh) == len(en) == len(kinds)
    set_language("en")
    check = placard.PlacardCheck(DAMAGED)
    assert check.message().startswith("The QR code is incomplete or damaged")


def test_catalogues_have_the_same_keys_and_every_kind_has_a_label_and_tips():
    from fieldapp.domain.kinds import VENUE_KINDS

    # English alone says a count of one apart (its `_one` forms: "1 placard written")
    singular = {f"{key}_one" for key in catalog_placard.EN} & set(catalog_placard.EN)
    assert set(catalog_placard.ZH) == set(catalog_placard.EN) - singular
    for kind in VENUE_KINDS:
        assert f"placard.kind.{kind}" in catalog_placard.ZH
        tips = catalog_placard.ZH[f"placard.tips.{kind}"].splitlines()
        assert 3 <= len(tips) <= 5
        assert len(catalog_placard.EN[f"placard.tips.{kind}"].splitlines()) == len(tips)


# --- what a refusal names, and the edges of the format (mutation testing found these) -----


def test_every_refusal_after_the_header_names_the_venue_and_key_it_read(key):
    """The scan screen says which placard was refused ("DM-0042, key K7Q2M"), so a
    supervisor can find it: damaged, forged, unknown key and revoked alike."""
    key_id, private, public = key
    good = sign_payload("DM-0042", key_id, private)
    head, signature = good.rsplit(":", 1)
    altered = head + ":" + other_b32(signature[0]) + signature[1:]
    other_id, other_private, other_public = generate_key()
    cases = {
        DAMAGED: (head + ":" + signature[:-1] + "!", keys_of(key)),
        FORGED: (altered, keys_of(key)),
        UNKNOWN_KEY: (good, {}),
        REVOKED: (good, keys_of(key, revoked=(key_id,))),
    }
    for kind, (text, keys) in cases.items():
        check = verify_payload(text, keys)
        assert (check.kind, check.venue_code, check.key_id) == (kind, "DM-0042", key_id), kind
    too_long = verify_payload(good + "A", keys_of(key))  # right alphabet, one char too many
    assert (too_long.kind, too_long.venue_code, too_long.key_id) == (FORGED, "DM-0042", key_id)


def test_a_bad_key_id_or_a_bad_code_alone_makes_the_placard_damaged(key):
    key_id, private, _public = key
    signature = sign_payload("DM-0042", key_id, private).rsplit(":", 1)[1]
    bad_key = verify_payload(f"FA1:DM-0042:K:{signature}", keys_of(key))  # 1-character key id
    bad_code = verify_payload(f"FA1:DM_0042:{key_id}:{signature}", keys_of(key))
    assert bad_key.kind == DAMAGED and bad_code.kind == DAMAGED


def test_a_scan_that_starts_like_a_placard_is_routed_as_one():
    assert placard.looks_like_payload("fa1:dm-0042:abc:xyz")  # typed with caps lock on
    assert placard.looks_like_payload("  FA2:anything ")  # a newer format still is ours
    assert not placard.looks_like_payload("https://example.com/FA1:")
    assert not placard.looks_like_payload("")


def test_refusing_to_sign_says_what_is_allowed(key):
    key_id, private, _public = key
    with pytest.raises(ValueError, match=r"A-Z, 0-9, '-' and '\.', at most 24 characters"):
        sign_payload("场所一", key_id, private)
    with pytest.raises(ValueError, match="2-8 characters A-Z, 0-9"):
        sign_payload("DM-0042", "k", private)


@pytest.mark.parametrize("size", range(1, 40))
def test_keys_travel_as_unpadded_url_safe_base64_and_back(size):
    raw = bytes((i * 37 + size) % 256 for i in range(size))
    text = placard.encode_key(raw)
    assert "=" not in text and set(text) <= set(B32 + "abcdefghijklmnopqrstuvwxyz01890-_")
    assert placard.decode_key(text) == raw


def test_encodings_keep_a_last_character_that_looks_like_padding_noise():
    """Stripping padding must strip only "=": an encoding may end in any letter."""
    import base64

    raw = bytes(32) + b"\x17"  # the last base64 character is "X"
    assert (
        placard.encode_key(raw).endswith("X") and placard.decode_key(placard.encode_key(raw)) == raw
    )
    five = bytes(4) + b"\x17"  # the last base32 character is "X"
    assert placard.b32(five).endswith("X") and base64.b32decode(placard.b32(five)) == five
