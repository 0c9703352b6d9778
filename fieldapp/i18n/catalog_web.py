"""Messages of `fieldapp web`'s sign-in page: why signing in did not work."""

from __future__ import annotations

ZH = {
    "web.sign_in.wrong_password": "用户名或密码不正确，请重新输入。",
    "web.sign_in.locked": "密码错误次数过多，这个用户名已被暂时锁定：请稍后再试，或请管理员解锁。",
    "web.sign_in.refused": "中心服务器拒绝了登录（HTTP {status}）：请向管理员核实。",
    "web.sign_in.unreachable": "无法连接中心服务器 {url}：请检查网络，或稍后再试。",
    "web.sign_in.not_fieldapp": (
        "{url} 有应答，但这不是 fieldapp 服务器（HTTP {status}）：请管理员检查 `fieldapp web --server` 的地址。"
    ),
    "web.sign_in.unreadable": (
        "中心服务器 {url} 的应答无法识别：请管理员检查服务器地址和服务器版本，然后重试。"
    ),
}

EN = {
    "web.sign_in.wrong_password": "Wrong user name or password; please type them again.",
    "web.sign_in.locked": (
        "Too many wrong passwords: this name is locked for a while. Try again later, or ask "
        "the administrator to unlock it."
    ),
    "web.sign_in.refused": "The central server refused the sign-in (HTTP {status}): check with the administrator.",
    "web.sign_in.unreachable": "Cannot reach the central server {url}: check the network, or try again later.",
    "web.sign_in.not_fieldapp": (
        "{url} answers, but it is not a fieldapp server (HTTP {status}): ask the administrator "
        "to check the address given to `fieldapp web --server`."
    ),
    "web.sign_in.unreadable": (
        "The answer of the central server {url} was not understood: ask the administrator to "
        "check the server address and the server's version, then try again."
    ),
}
