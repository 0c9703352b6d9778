"""`fieldapp web` refuses a certificate or key it cannot serve with in words, after
"错误：" / "Error:", naming the file and what to give instead: a file that is not a PEM
certificate showed ssl's traceback ("ssl.SSLError: [SSL] PEM lib"), and a key protected by
a passphrase stopped the start to ask for it on the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from private_ca import make_certificates

from fieldapp.cli import main

SERVER = ["web", "--server", "http://127.0.0.1:9"]


def _serve(lang: str, cert: Path, key: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        main, ["--lang", lang, *SERVER, "--tls-cert", str(cert), "--tls-key", str(key)]
    )


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A server certificate and its key, as PEM files."""
    _, cert, key = make_certificates(tmp_path)
    return cert, key


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "错误：{cert} 不是 PEM 格式的证书：请给出服务器证书的 PEM 文件"),
        ("en", "Error: {cert} is not a PEM certificate: give the server certificate's PEM file"),
    ],
    ids=["zh", "en"],
)
def test_a_certificate_that_is_not_pem_is_refused_in_words(tmp_path, pair, lang, said) -> None:
    _, key = pair
    for text in ("not a certificate\n", key.read_text("utf-8")):  # junk, or the key given twice
        cert = tmp_path / "server.crt"
        cert.write_text(text, "utf-8")
        result = _serve(lang, cert, key)
        assert result.exit_code == 2, result.output
        assert said.format(cert=cert) in result.output
        assert "Traceback" not in result.output and result.exception is not None
        assert isinstance(result.exception, SystemExit)


def test_a_key_that_is_not_pem_or_not_the_certificates_is_refused_in_words(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    cert, _ = pair
    junk = tmp_path / "server.key"
    junk.write_text("not a key\n", "utf-8")
    result = _serve("zh", cert, junk)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"错误：私钥 {junk} 无法读取或不是 PEM 格式的私钥：请给出与证书 {cert} 配对的私钥" in (
        result.output
    )
    (tmp_path / "other").mkdir()
    _, _, other_key = make_certificates(tmp_path / "other")  # another certificate's key
    result = _serve("en", cert, other_key)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"Error: The private key {other_key} does not belong to the certificate {cert}" in (
        result.output
    )


def test_a_key_with_a_passphrase_is_refused_without_asking_for_it(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    cert, key = pair
    loaded = serialization.load_pem_private_key(key.read_bytes(), password=None)
    locked = tmp_path / "locked.key"
    locked.write_bytes(
        loaded.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret passphrase"),
        )
    )
    result = _serve("zh", cert, locked)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"错误：私钥 {locked} 有密码保护，而服务器启动时无人输入密码" in result.output
    result = _serve("en", cert, locked)
    assert f"Error: The private key {locked} is protected by a passphrase" in result.output
