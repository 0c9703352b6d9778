"""`fieldapp web`'s sign-in with the name or the password left empty (the form's
`required` is the browser's; a POST without it) said "中心服务器拒绝了登录（HTTP 422）：请向管理员
核实。", the central server's answer to a malformed request: the page now says both are
needed, without asking the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_web_wrong_server import front
from wrong_servers import answering

BLANKS = [("", ""), ("w1wang", ""), ("  ", "officepass123")]


@pytest.mark.parametrize(("username", "password"), BLANKS)
async def test_an_empty_name_or_password_is_said_without_asking_the_server(
    username: str, password: str, tmp_path: Path
) -> None:
    malformed = b'{"detail": [{"type": "string_too_short", "loc": ["body", "username"]}]}'
    with answering(malformed, status=422) as url:  # as the central server answers it
        async with front(tmp_path, url) as (client, _sessions):
            for lang, said in (("zh", "请填写用户名和密码，两项都要填。"),
                               ("en", "Enter both the user name and the password.")):  # fmt: skip
                form = {"username": username, "password": password, "lang": lang}
                response = await client.post("/login", data=form, allow_redirects=False)
                page = await response.text()
                assert response.status == 401 and said in page, page
                assert "422" not in page
                assert 'name="username"' in page  # the form again
