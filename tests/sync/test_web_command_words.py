"""`fieldapp web` and `fieldapp admin web-user unlock` speak the chosen language, their
refusals after "错误：" / "Error:" like every other command's (they were English alone,
printed by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from sync.server import db as server_db
from sync.server import web_users
from sync.server.admin_models import WebUser
from sync.server.office_time import office_minute

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


@pytest.mark.parametrize("server", ["notaurl", "ftp://x", "127.0.0.1:8443"])
def test_a_server_that_is_not_an_address_is_refused_before_serving(server: str) -> None:
    """It served, and each sign-in then said 无法连接中心服务器 notaurl：请检查网络… (the
    plain-HTTP host makes a start that does not check the address refuse, not serve)."""
    chinese = _run("zh", "web", "--server", server, "--host", "0.0.0.0")
    assert chinese.exit_code == 2
    assert chinese.output.splitlines()[-1] == (
        f"错误：--server 的“{server}”不是中心服务器的地址：请写成 https://主机:端口 或 http://主机:端口 的形式"
    )
    english = _run("en", "web", "--server", server, "--host", "0.0.0.0")
    assert english.output.splitlines()[-1] == (
        f"Error: --server '{server}' is not the central server's address: write it as "
        "https://host:port or http://host:port"
    )


def test_plain_http_to_another_machine_is_refused_unless_insecure_http_is_given() -> None:
    """It served, and each sign-in POSTed the office user's name and password to
    http://10.1.2.3:8000/api/v1/web/login in plain text, though --insecure-http was not given."""
    remote = ["web", "--server", "http://10.1.2.3:8000", "--host", "0.0.0.0"]
    refused = _run("zh", *remote)
    assert refused.exit_code == 2
    assert refused.output.splitlines()[-1] == (
        "错误：--server 的“http://10.1.2.3:8000”是不加密的 http，登录时办公室用户的密码会明文"
        "发往这台服务器：请用 https 地址；只有在可信网络上才加 --insecure-http"
    )
    # Given knowingly, the address passes (the plain-HTTP host then refuses, not serves).
    allowed = _run("en", *remote, "--insecure-http")
    assert "Passwords cannot go over plain HTTP on 0.0.0.0" in allowed.output
    # A loopback server needs no flag (SERVER is http://127.0.0.1:9).
    assert "Passwords cannot go over plain HTTP" in _run("en", *SERVER, "--host", "0.0.0.0").output


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


def test_adding_a_web_user_asks_and_answers_in_the_chosen_language(
    seed, server_db_url: str
) -> None:
    """The password is asked twice in the chosen language, a mistyped second one said so
    and asked again (click's own "Repeat for confirmation" and its mismatch are English)."""
    admin = ["admin", "--db", server_db_url, "--actor", "p-sup"]
    typed = "correct horse battery\ncorrect horse batterY\ncorrect horse battery\n" * 2
    made = _run("zh", *admin, "web-user", "add", "li", "--person", "p-sup", given=typed)
    assert made.exit_code == 0, made.output
    assert made.output == (
        "密码：\n再输入一次密码：\n两次输入的密码不一样，请重新输入。\n"
        "密码：\n再输入一次密码：\n网页用户 li 已保存，代表 李四（p-sup）登录\n"
    )
    made = _run("en", *admin, "web-user", "add", "li", "--person", "p-sup", given=typed)
    assert made.output.startswith("Password: \nPassword again: \nThe two passwords differ;")
    assert made.output.endswith("Web user li saved, signing in for 李四 (p-sup)\n")
    with server_db.current().connection_context():
        web_users.sign_in("li", "correct horse battery")  # the password asked is the one kept


def test_listing_web_users_says_their_state_in_the_chosen_language(
    seed, server_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each user's person by name, and times in the office's time zone to the minute
    (they were UTC, and the person only an id)."""
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    admin = ["admin", "--db", server_db_url, "--actor", "p-sup"]
    assert _run("zh", *admin, "web-user", "list").output == (
        "尚无网页用户：用 fieldapp admin web-user add 添加。\n"
    )
    assert _run("en", *admin, "web-user", "list").output.startswith("No web users yet")
    for name in ("li", "wang", "zhao", "zhou"):
        made = _run("en", *admin, "web-user", "add", name, "--person", "p-sup",
                    "--password-stdin", given="correct horse battery\n")  # fmt: skip
        assert made.exit_code == 0, made.output
    with server_db.current().connection_context():
        for _ in range(web_users.MAX_FAILURES):
            with pytest.raises(web_users.SignInRefused):
                web_users.sign_in("wang", "not the password")
        until = WebUser.get_by_id("wang").locked_until
        WebUser.update(disabled=True).where(WebUser.username == "zhao").execute()
        ran_out = "2020-01-01T00:00:00.000000Z"  # a lock that has run out locks no more
        WebUser.update(locked_until=ran_out).where(WebUser.username == "zhou").execute()
        added = {u.username: office_minute(u.created_at) for u in WebUser.select()}
    said = _run("zh", *admin, "web-user", "list").output.splitlines()
    assert said == [
        f"li  李四（p-sup）  可以登录  添加于 {added['li']}",
        f"wang  李四（p-sup）  锁定至 {office_minute(until)}  添加于 {added['wang']}",
        f"zhao  李四（p-sup）  已停用  添加于 {added['zhao']}",
        f"zhou  李四（p-sup）  可以登录  添加于 {added['zhou']}",
    ]
    said = _run("en", *admin, "web-user", "list").output.splitlines()
    assert said[0] == f"li  李四 (p-sup)  may sign in  added {added['li']}"
    assert said[1].startswith("wang  李四 (p-sup)  locked until ") and said[2].startswith(
        "zhao  李四 (p-sup)  disabled  added "
    )


def test_adding_a_web_user_checks_the_person_first_and_a_short_password_at_once(
    seed, server_db_url: str
) -> None:
    """An unknown person is refused before any password is asked (it was asked twice,
    then refused); a short password is said right after it is typed and asked again, as
    the device PIN is (it was asked again, then the whole command refused)."""
    admin = ["admin", "--db", server_db_url, "--actor", "p-sup"]
    nobody = _run("zh", *admin, "web-user", "add", "li", "--person", "nobody", given="x\n" * 4)
    assert nobody.exit_code == 1
    assert nobody.output.startswith("错误：没有编号为 nobody 的人员")
    assert "密码" not in nobody.output.split("：", 1)[0] and "密码：" not in nobody.output
    typed = "short\ncorrect horse battery\ncorrect horse battery\n"
    made = _run("zh", *admin, "web-user", "add", "li", "--person", "p-sup", given=typed)
    assert made.exit_code == 0, made.output
    assert made.output == (
        "密码：\n密码至少要有 10 个字符，请重新输入。\n"
        "密码：\n再输入一次密码：\n网页用户 li 已保存，代表 李四（p-sup）登录\n"
    )
    made = _run("en", *admin, "web-user", "add", "li", "--person", "p-sup", given=typed)
    assert made.output.startswith(
        "Password: \nThe password must have at least 10 characters; type another.\nPassword: "
    )
