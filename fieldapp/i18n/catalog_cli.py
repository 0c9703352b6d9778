"""Headless commands: a person's mistake in what they typed (a file to write, a server
database, a server address), said in one sentence with what to do."""

from __future__ import annotations

ZH = {
    "cli.out.is_dir": "{path} 是文件夹：请在 --out 中写上文件名",
    "cli.out.cannot_write": "无法写入 {path}（{reason}）：请用 --out 换一个位置",
    "cli.reason.missing_dir": "文件夹 {folder} 不存在",
    "cli.reason.not_dir": "{folder} 不是文件夹",
    "cli.reason.permission": "没有写入权限",
    "cli.reason.read_only": "所在磁盘只读",
    "cli.reason.disk_full": "磁盘已满",
    "cli.reason.other": "系统拒绝写入",
    "cli.db.bad_url": "“{url}”不是数据库地址：请写文件路径、sqlite:///文件 或 postgresql://用户@主机:端口/库名",
    "cli.db.missing": "{path} 没有服务器数据库：请检查 --db，或用 fieldapp admin --db {path} init 新建",
    "cli.db.not_server": "{path} 不是 fieldapp 服务器数据库：请检查 --db 指向的文件",
    "cli.db.cannot_write": "无法在 {path} 使用服务器数据库（{reason}）：请检查 --db 或换一个位置",
    "cli.db.pg_unreachable": "无法连接 PostgreSQL 数据库 {where}：请确认数据库已启动，并检查 --db 中的主机、端口、用户和密码",
    "cli.db.pg_empty": "PostgreSQL 数据库 {where} 中还没有服务器数据：请先运行 fieldapp admin --db … init",
    "cli.sync.bad_url": "本机记录的服务器地址 {url} 不能使用（不是 https，也不在本机）：请用 https 地址重新注册，或在可信网络上加 --insecure-http",
    "cli.export.unknown_grid": "本机没有网格 {grid}：请检查网格编码，或先同步",
    "cli.bad_date": "{option} {value} 不是日期：请按 年-月-日 填写，如 {today}",
    "cli.in.is_dir": "{path} 是文件夹：请写出要读取的文件",
}

EN = {
    "cli.out.is_dir": "{path} is a folder: give --out a file name",
    "cli.out.cannot_write": "Cannot write {path} ({reason}): choose another place with --out",
    "cli.reason.missing_dir": "the folder {folder} does not exist",
    "cli.reason.not_dir": "{folder} is not a folder",
    "cli.reason.permission": "no permission to write there",
    "cli.reason.read_only": "the disk is read-only",
    "cli.reason.disk_full": "the disk is full",
    "cli.reason.other": "the system refused to write there",
    "cli.db.bad_url": "“{url}” is not a database address: give a file path, sqlite:///FILE or postgresql://USER@HOST:PORT/DB",
    "cli.db.missing": "There is no server database at {path}: check --db, or create one with fieldapp admin --db {path} init",
    "cli.db.not_server": "{path} is not a fieldapp server database: check the file --db names",
    "cli.db.cannot_write": "Cannot use a server database at {path} ({reason}): check --db or choose another place",
    "cli.db.pg_unreachable": "Cannot connect to the PostgreSQL database {where}: check that it is running and the host, port, user and password in --db",
    "cli.db.pg_empty": "The PostgreSQL database {where} holds no server data yet: run fieldapp admin --db … init first",
    "cli.sync.bad_url": "The server address recorded here, {url}, cannot be used (not https, and not this machine): enrol again with an https address, or add --insecure-http on a network you trust",
    "cli.export.unknown_grid": "There is no grid {grid} on this device: check the grid code, or sync first",
    "cli.bad_date": "{option} {value} is not a date: write it as YYYY-MM-DD, e.g. {today}",
    "cli.in.is_dir": "{path} is a folder: give the file to read",
}
