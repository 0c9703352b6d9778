"""The first screen of a device that is not enrolled: enrolment with the server."""

from __future__ import annotations

ZH = {
    "binding.welcome.enrol": "注册",
    "binding.welcome.enrol.tip": "用服务器地址和一次性注册码注册本机",
    "welcome.body": (
        "注册后，本机才知道您是谁、负责哪些网格，并从中心服务器下载这些网格的场所、"
        "检查表和标牌密钥；之后检查记录会上报到服务器。\n"
        "请向管理员索取服务器地址和一次性注册码（管理员运行 fieldapp admin enroll-code，"
        "注册码只能用一次，过期作废）。也可以在终端运行 fieldapp enroll 服务器地址 注册码 。"
    ),
    "welcome.url": "服务器地址",
    "welcome.url.placeholder": "https://服务器:端口",
    "welcome.code": "一次性注册码",
    "welcome.code.placeholder": "XXXX-XXXX-XXXX",
    "welcome.button": "注册本机",
    "welcome.demo": "只想试用？退出（Ctrl+Q）后运行 fieldapp demo ，会生成演示数据并打开程序。",
    "welcome.working": "正在连接 {url} …",
    "welcome.enrolled": "已注册为 {name}。",
    "welcome.syncing": "正在下载网格、场所和检查表…",
    "welcome.synced": "下载完成（{count} 条），可以开始巡查了。",
    "welcome.sync_later": "已注册，但首次下载没有全部完成：联网后按 F12 同步即可补齐。",
    "welcome.error.missing": "请填写服务器地址和注册码，再按回车。",
    "welcome.error.bad_url": "“{url}”不是服务器地址：请写成 https://服务器:端口 的形式。",
    "welcome.error.plain_http": (
        "{url} 是不加密的 http 地址，不能用于注册：请向管理员要 https 地址。"
    ),
    "welcome.error.unreachable": "无法连接 {url}：请检查地址和网络，或稍后再试。",
    "welcome.error.untrusted": (
        "{url} 的证书未通过校验。如果单位用自己的 CA 签发服务器证书，请在命令行运行 "
        "`fieldapp enroll 服务器地址 注册码 --ca-bundle CA证书文件`。"
    ),
    "welcome.error.code_unknown": "服务器不认识这个注册码：请核对后重新输入，或向管理员要新的注册码。",
    "welcome.error.code_used": "这个注册码已经用过了：请向管理员要新的注册码。",
    "welcome.error.code_expired": "这个注册码已过期：请向管理员要新的注册码。",
    "welcome.error.refused": "服务器拒绝了注册（{reason}）：请向管理员核实。",
    "welcome.error.end": "。",
}

EN = {
    "binding.welcome.enrol": "Enrol",
    "binding.welcome.enrol.tip": "Enrol this device with the server address and one-time code",
    "welcome.body": (
        "Enrolment tells this device who you are and which grids are yours; it then "
        "downloads their venues, checklists and placard keys from the central server, and "
        "sends your inspections there.\n"
        "Ask your administrator for the server address and a one-time enrolment code (they "
        "run fieldapp admin enroll-code; a code works once and expires). In a terminal, "
        "fieldapp enroll SERVER CODE does the same."
    ),
    "welcome.url": "Server address",
    "welcome.url.placeholder": "https://server:port",
    "welcome.code": "One-time enrolment code",
    "welcome.code.placeholder": "XXXX-XXXX-XXXX",
    "welcome.button": "Enrol this device",
    "welcome.demo": "Just trying it out? Quit (Ctrl+Q) and run fieldapp demo for demo data.",
    "welcome.working": "Connecting to {url} …",
    "welcome.enrolled": "Enrolled as {name}.",
    "welcome.syncing": "Downloading grids, venues and checklists…",
    "welcome.synced": "Downloaded ({count} records): ready to inspect.",
    "welcome.synced_one": "Downloaded (1 record): ready to inspect.",
    "welcome.sync_later": (
        "Enrolled, but the first download did not finish: press F12 to sync once online."
    ),
    "welcome.error.missing": "Fill in the server address and the code, then press Enter.",
    "welcome.error.bad_url": "'{url}' is not a server address: write it as https://server:port.",
    "welcome.error.plain_http": (
        "{url} is plain, unencrypted http and cannot be used to enrol: ask your "
        "administrator for the https address."
    ),
    "welcome.error.unreachable": "Cannot reach {url}: check the address and the network, or try again later.",
    "welcome.error.untrusted": (
        "The certificate of {url} cannot be trusted. If the office "
        "signs its servers with its own CA, enrol from the command line: "
        "`fieldapp enroll SERVER-URL CODE --ca-bundle CA-FILE`."
    ),
    "welcome.error.code_unknown": "The server does not know this code: check it and type it again, or ask for a new one.",
    "welcome.error.code_used": "This code was already used: ask your administrator for a new one.",
    "welcome.error.code_expired": "This code has expired: ask your administrator for a new one.",
    "welcome.error.refused": "The server refused the enrolment ({reason}): check with your administrator.",
    "welcome.error.end": ".",
}
