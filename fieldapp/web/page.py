"""The sign-in page of `fieldapp web` (plain HTML), in Chinese or English. Its one script
says, once the form is sent, that the session is being prepared and keeps the button from
sending it twice: the answer comes after the session's store is enrolled and synced once,
which takes a while when the user's grid holds many venues."""

from __future__ import annotations

import html
import json

TEXT = {
    "zh": {
        "title": "网格化巡查 — 登录",
        "heading": "网格化巡查 · 网格办登录",
        "username": "用户名",
        "password": "密码",
        "submit": "登录",
        "note": "登录后将为本次会话准备独立的数据，并与服务器同步一次，请稍候。",
        "other": "English",
        "other_lang": "en",
        "signed_out": "已退出登录。下一位使用者请重新登录。",
        "busy": "正在登录……",
        "preparing": (
            "正在核对密码，并为本次会话准备数据、与服务器同步：场所多时可能要一两分钟，"
            "请不要关闭或刷新页面。"
        ),
    },
    "en": {
        "title": "Grid inspection — sign in",
        "heading": "Grid inspection · office sign-in",
        "username": "User name",
        "password": "Password",
        "submit": "Sign in",
        "note": "Signing in prepares data of this session's own and syncs it once; please wait.",
        "other": "中文",
        "other_lang": "zh",
        "signed_out": "Signed out. The next person signs in again.",
        "busy": "Signing in…",
        "preparing": (
            "Checking the password, then preparing this session's data and syncing it: with "
            "many venues this may take a minute or two. Please do not close or reload the page."
        ),
    },
}


def sign_in_page(lang: str, error: str = "", notice: str = "") -> str:
    """`notice`: a key of TEXT said above the form ("signed_out" after a sign-out)."""
    words = TEXT.get(lang, TEXT["zh"])
    problem = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    if notice and not error:
        problem = f'<p class="notice" role="status">{words[notice]}</p>'
    return f"""<!DOCTYPE html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">
<title>{words["title"]}</title>
<style>
body {{ background: #0c181f; color: #e8eef2; font-family: sans-serif; display: flex;
       justify-content: center; margin-top: 10vh; }}
form {{ background: #12232d; padding: 2em 3em; min-width: 22em; }}
label {{ display: block; margin-top: 1em; }}
input {{ width: 100%; padding: .4em; font-size: 1em; }}
button {{ margin-top: 1.5em; padding: .5em 2em; font-size: 1em; }}
.error {{ color: #ff9b9b; }}
.note {{ color: #9fb3bf; font-size: .9em; }}
.notice {{ color: #b5f5c8; }}
.preparing {{ color: #ffe08a; }}
a {{ color: #9fd3ff; }}
</style></head>
<body><form method="post" action="/login" onsubmit="preparing(this)">
<h1>{words["heading"]}</h1>{problem}
<input type="hidden" name="lang" value="{lang}">
<label for="username">{words["username"]}</label>
<input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">{words["password"]}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{words["submit"]}</button>
<p class="note">{words["note"]}</p>
<p class="preparing" role="status" hidden>{words["preparing"]}</p>
<script>
function preparing(form) {{
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  button.textContent = {json.dumps(words["busy"])};
  form.querySelector(".preparing").hidden = false;
}}
</script>
<p><a href="/login?lang={words["other_lang"]}">{words["other"]}</a></p>
</form></body></html>"""
