"""Messages on the device a patrol run was taken over from (`services.patrols.take_over`
on another device of the person, this one lost, then found): the run shows as taken over
there, with the visits the server holds, and is not continued here; its visits the
server refused as sent after the take-over are marked as not counted. A run the office
closed as abandoned (`fieldapp admin patrol-close`, this device lost, then found) shows
as closed by the office, its visits refused after the close marked the same way."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.due.taken_over": "另一设备已接手",  # the time-left column: 14 cells
    "patrol.run.taken_over": "已在你的另一台设备上接手，本机不再继续",
    "patrol.run.not_counted": "到点不计入",  # refused: sent after the take-over
    "patrol.refused.taken_over": (
        "“{route}”这次巡逻已在你的另一台设备上接手，在那台设备上走完并结束；"
        "服务器收到的到点记录计入考勤，本机在接手后发出的不计入。"
    ),
    "patrol.run.closed_by_office": "已由办公室按中断关闭",
    "patrol.refused.closed": (
        "“{route}”这次巡逻已由办公室按中断关闭，不能再继续；"
        "服务器收到的到点记录计入考勤，本机在关闭后发出的不计入。"
    ),
}

EN: dict[str, str] = {
    "patrol.due.taken_over": "taken over",  # on another device of mine; fits the column
    "patrol.run.taken_over": "taken over on another device of yours; not continued here",
    "patrol.run.not_counted": "Not counted",
    "patrol.refused.taken_over": (
        "'{route}' was taken over on another device of yours; it is walked and finished "
        "there. The visits the server received count; those this device sent after the "
        "take-over do not."
    ),
    "patrol.run.closed_by_office": "closed by the office as abandoned",
    "patrol.refused.closed": (
        "'{route}' was closed by the office as abandoned and cannot go on. The visits the "
        "server received count; those this device sent after the close do not."
    ),
}
