"""Messages of `fieldapp web`: why signing in did not work on its sign-in page, why the
command will not serve, and the office's `admin web-user` commands."""

from __future__ import annotations

ZH = {
    "web.page.closed": "与服务器的连接已断开。",
    "web.page.reconnect": "重新连接",
    "web.page.sign_out": "退出登录",
    "web.page.stopped": (
        "网页服务已停止，本次会话已退出登录。已填写的内容都已保存，并已同步到中心服务器"
        "（当时连不上的，服务重新启动时再同步）。服务恢复后请重新登录。"
    ),
    "web.page.sign_in_again": "重新登录",
    "web.stop.signing_out": "正在让仍打开的 {count} 个会话退出登录（同步后删除其数据），最多等待 {seconds} 秒……",
    "web.stop.signed_out": "{device} 已退出登录：已同步，数据已删除。",
    "web.stop.kept": "{device} 没有同步成功：数据已保留，下次启动时再同步并退出登录。",
    "web.stop.timed_out": "{count} 个会话在 {seconds} 秒内没有同步完：数据已保留，下次启动时再同步并退出登录。",
    "web.sign_in.wrong_password": "用户名或密码不正确，请重新输入。",
    "web.sign_in.blank": "请填写用户名和密码，两项都要填。",
    "web.sign_in.locked": "密码错误次数过多，这个用户名已被锁定 15 分钟：请 15 分钟后再试，或请管理员解锁。",
    "web.sign_in.refused": "中心服务器拒绝了登录（HTTP {status}）：请向管理员核实。",
    "web.sign_in.unreachable": "无法连接中心服务器 {url}：请检查网络，或稍后再试。",
    "web.sign_in.not_fieldapp": (
        "{url} 有应答，但这不是 fieldapp 服务器（HTTP {status}）：请管理员检查 `fieldapp web --server` 的地址。"
    ),
    "web.sign_in.unreadable": (
        "中心服务器 {url} 的应答无法识别：请管理员检查服务器地址和服务器版本，然后重试。"
    ),
    "cli.web.tls_pair": "--tls-cert 和 --tls-key 要一起给出，或者都不给",
    "web.ws.sign_in_first": "请先登录：/login",
    "cli.web.bad_server": "--server 的“{url}”不是中心服务器的地址：请写成 https://主机:端口 或 http://主机:端口 的形式",
    "cli.web.insecure_server": (
        "--server 的“{url}”是不加密的 http，登录时办公室用户的密码会明文发往这台服务器："
        "请用 https 地址；只有在可信网络上才加 --insecure-http"
    ),
    "cli.web.plain_http": (
        "不能在 {host} 上用不加密的 HTTP 传送密码：请给出 --tls-cert 和 --tls-key，"
        "或在前面放一台启用 TLS 的 nginx 并加 --behind-tls-proxy（见 docs/web.md）"
    ),
    "cli.web.ca_bundle": (
        "无法读取 CA 证书文件 {path}，或其中没有 PEM 格式的证书：请给出签发服务器证书的 CA 的 PEM 文件"
    ),
    "cli.web.home_in_use": (
        "另一个 fieldapp web 正在使用 {home}：请先停止它，或用 --home 为这一个另选目录"
    ),
    "cli.web.port_in_use": "端口 {port} 已被另一个程序占用：请用 --port 另选一个端口，或先停止占用它的程序",
    "cli.web.cannot_listen": "无法在 {host} 的端口 {port} 上提供服务：请检查 --host 是本机的地址，或用 --port 另选一个端口",
    "admin.web_user.unknown": "没有网页用户 {username}：请用 fieldapp admin web-user list 查看用户名",
    "admin.web_user.unlocked": "{username} 已解锁，可以重新登录",
    "cli.web.tls_cert": (
        "{path} 不是 PEM 格式的证书：请给出服务器证书的 PEM 文件（以 -----BEGIN CERTIFICATE----- 开头）"
    ),
    "cli.web.tls_key": (
        "私钥 {key_file} 无法读取或不是 PEM 格式的私钥：请给出与证书 {cert} 配对的私钥 PEM 文件"
    ),
    "cli.web.tls_mismatch": "私钥 {key_file} 与证书 {cert} 不配对：请给出申请这张证书时生成的私钥",
    "cli.web.tls_key_passphrase": (
        "私钥 {key_file} 有密码保护，而服务器启动时无人输入密码：请给出不加密码的私钥"
        "（可用 openssl pkey -in 原文件 -out 新文件 去掉密码）"
    ),
    "admin.web_user.password": "密码：",
    "admin.web_user.password_again": "再输入一次密码：",
    "admin.web_user.no_password_input": "没有读到密码，输入已经结束：在脚本中请加 --password-stdin，把密码作为标准输入的一行给出",
    "admin.web_user.password_retype": "{refused}，请重新输入。",
    "admin.web_user.person": "{name}（{id}）",
    "admin.web_user.passwords_differ": "两次输入的密码不一样，请重新输入。",
    "admin.web_user.added": "网页用户 {username} 已保存，代表 {person}登录",
    "admin.web_user.none": "尚无网页用户：用 fieldapp admin web-user add 添加。",
    "admin.web_user.line": "{username}  {person}  {state}  添加于 {created}",
    "admin.web_user.active": "可以登录",
    "admin.web_user.locked": "锁定至 {until}",
    "admin.web_user.disabled": "已停用",
}

EN = {
    "web.page.closed": "The connection to the server was lost.",
    "web.page.reconnect": "Reconnect",
    "web.page.sign_out": "Sign out",
    "web.page.stopped": (
        "The web service was stopped and this session signed out. Everything entered was "
        "saved and synced to the central server (or, if it could not be reached, will be "
        "when the service starts again). Sign in again once it is back."
    ),
    "web.page.sign_in_again": "Sign in again",
    "web.stop.signing_out": (
        "Signing out the sessions still open ({count}): each is synced, then its data "
        "deleted; the wait ends after {seconds} s…"
    ),
    "web.stop.signed_out": "{device} signed out: synced, its data deleted.",
    "web.stop.kept": (
        "{device} did not sync: its data is kept, synced and signed out at the next start."
    ),
    "web.stop.timed_out": (
        "Sessions not synced in time ({seconds} s): {count}. Their data is kept, synced "
        "and signed out at the next start."
    ),
    "web.sign_in.wrong_password": "Wrong user name or password; please type them again.",
    "web.sign_in.blank": "Enter both the user name and the password.",
    "web.sign_in.locked": (
        "Too many wrong passwords: this name is locked for 15 minutes. Try again after that, "
        "or ask the administrator to unlock it."
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
    "cli.web.tls_pair": "Give both --tls-cert and --tls-key, or neither",
    "web.ws.sign_in_first": "Sign in first: /login",
    "cli.web.bad_server": (
        "--server '{url}' is not the central server's address: write it as "
        "https://host:port or http://host:port"
    ),
    "cli.web.insecure_server": (
        "--server '{url}' is plain http, so each sign-in would send the office user's "
        "password to it unencrypted: use an https address, or add --insecure-http only on "
        "a network you trust"
    ),
    "cli.web.plain_http": (
        "Passwords cannot go over plain HTTP on {host}: give --tls-cert and --tls-key, or "
        "put nginx with TLS in front and add --behind-tls-proxy (see docs/web.md)"
    ),
    "cli.web.ca_bundle": (
        "The CA certificate file {path} cannot be read or holds no PEM certificate: give the "
        "PEM file of the CA that signed the server's certificate"
    ),
    "cli.web.home_in_use": (
        "Another fieldapp web is serving from {home}: stop it first, or give this one "
        "another folder with --home"
    ),
    "cli.web.port_in_use": (
        "Port {port} is already in use by another program: choose another with --port, "
        "or stop the program that holds it"
    ),
    "cli.web.cannot_listen": (
        "Cannot serve on port {port} of {host}: check that --host is an address of this "
        "machine, or choose another port with --port"
    ),
    "admin.web_user.unknown": "There is no web user {username}: see the user names with fieldapp admin web-user list",
    "admin.web_user.unlocked": "{username} is unlocked and may sign in again",
    "cli.web.tls_cert": (
        "{path} is not a PEM certificate: give the server certificate's PEM file (it starts "
        "with -----BEGIN CERTIFICATE-----)"
    ),
    "cli.web.tls_key": (
        "The private key {key_file} cannot be read or is not a PEM private key: give the PEM file "
        "of the key that belongs to the certificate {cert}"
    ),
    "cli.web.tls_mismatch": (
        "The private key {key_file} does not belong to the certificate {cert}: give the key made "
        "when the certificate was requested"
    ),
    "cli.web.tls_key_passphrase": (
        "The private key {key_file} is protected by a passphrase, and nobody types one when the "
        "server starts: give the key without a passphrase (openssl pkey -in old -out new removes it)"
    ),
    "admin.web_user.password": "Password: ",
    "admin.web_user.password_again": "Password again: ",
    "admin.web_user.no_password_input": (
        "No password was read, as the input ended: in a script, add --password-stdin and "
        "give the password as a line on standard input"
    ),
    "admin.web_user.password_retype": "{refused}; type another.",
    "admin.web_user.person": "{name} ({id})",
    "admin.web_user.passwords_differ": "The two passwords differ; type them again.",
    "admin.web_user.added": "Web user {username} saved, signing in for {person}",
    "admin.web_user.none": "No web users yet: add one with fieldapp admin web-user add.",
    "admin.web_user.line": "{username}  {person}  {state}  added {created}",
    "admin.web_user.active": "may sign in",
    "admin.web_user.locked": "locked until {until}",
    "admin.web_user.disabled": "disabled",
}
