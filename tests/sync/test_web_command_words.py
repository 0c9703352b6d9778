"""`fieldapp web` and `fieldapp admin web-user unlock` speak the chosen language, their
refusals after "错误：" / "Error:" like every other command's (they were English alone,
printed by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

SERVER = ["web", "--server", "http://127.0.0.1:9"]


def _run(lang: str, *args: str, given: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--lang", lang, *args], input=given)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "错误：不能在 0.0.0.0 上用不加密的 HTTP 传送密码：请给出 --tls-cert 和 --tls-key"),
        ("en", "Error: Passwords cannot go over plain HTTP on 0.0.0.0: give --tls-cert and"),
    ],
)
def test_serving_passwords_in_plain_http_is_refused_in_the_chosen_language(lang, said) -> None:
    result = _run(lang, *SERVER, "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert said in result.output


def test_a_certificate_without_its_key_and_an_unreadable_ca_file_are_refused_in_words(
    tmp_path: Path,
) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("not a certificate\n", "utf-8")
    alone = _run("zh", *SERVER, "--tls-cert", str(cert))
    assert alone.exit_code == 2
    assert "错误：--tls-cert 和 --tls-key 要一起给出，或者都不给" in alone.output
    unreadable = _run("en", *SERVER, "--ca-bundle", str(cert))
    assert unreadable.exit_code == 2
    assert f"Error: The CA certificate file {cert} cannot be read" in unreadable.output
    unreadable = _run("zh", *SERVER, "--ca-bundle", str(cert))
    assert f"错误：无法读取 CA 证书文件 {cert}" in unreadable.output


def test_unlocking_a_web_user_is_said_in_the_chosen_language(seed, server_db_url: str) -> None:
    admin = ["admin", "--db", server_db_url, "--actor", "p-sup"]
    made = _run("en", *admin, "web-user", "add", "li", "--person", "p-sup", "--password-stdin",
                given="correct horse battery\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    assert _run("zh", *admin, "web-user", "unlock", "li").output == "li 已解锁，可以重新登录\n"
    assert _run("en", *admin, "web-user", "unlock", "li").output == (
        "li is unlocked and may sign in again\n"
    )
    nobody = _run("zh", *admin, "web-user", "unlock", "nobody")
    assert nobody.exit_code == 1
    assert nobody.output.startswith("错误：没有网页用户 nobody：请用 fieldapp admin web-user list")
    nobody = _run("en", *admin, "web-user", "unlock", "nobody")
    assert nobody.exit_code == 1
    assert nobody.output.startswith("Error: There is no web user nobody:")
