"""What each channel is sent, and what counts as delivered.

- 企业微信 group robot (`wecom`): POST `{"msgtype": "markdown", "markdown": {"content": …}}`
  to the robot's webhook URL; delivered when it answers 200 with `errcode` 0.
- 钉钉 group robot (`dingtalk`): POST `{"msgtype": "markdown", "markdown": {"title": …,
  "text": …}}`; with a signing secret the URL carries `timestamp` and `sign` (HMAC-SHA256
  of "timestamp\\nsecret", base64, URL-encoded); delivered on 200 with `errcode` 0.
- plain webhook (`webhook`): POST the message as data (`trigger`, `title`, `grid_code`,
  `facts`, `text`, `created_at`); delivered on any 2xx.

Messages are in Chinese: they are read by the grid office and the 片区民警.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

SEVERITY = {"major": "重大", "general": "一般"}
TITLES = {
    "major_hazard": "重大隐患",
    "hazard_overdue": "隐患逾期未整改",
    "report_missing": "每日报告未报送",
    "patrol_missed": "巡逻空岗漏岗",
}


@dataclass(frozen=True)
class Request:
    url: str
    body: dict[str, Any]


def title(trigger: str) -> str:
    return TITLES.get(trigger, trigger)


def text(trigger: str, facts: dict[str, Any]) -> str:
    """The message as Markdown lines (both robots render this subset)."""
    head = f"### 【{title(trigger)}】{facts.get('grid', '')}"
    if trigger == "patrol_missed":
        lines = [
            f"- 路线：{facts.get('route', '')}（{facts.get('route_code', '')}）",
            f"- 时段：{facts.get('date', '')} {facts.get('window', '')}",
            f"- 未到点位：{'、'.join(facts.get('missed', [])) or '全部'}",
            f"- 责任人：{facts.get('assignees', '')}",
            "- 请核实空岗漏岗原因并按规定追责。",
        ]
    elif trigger == "report_missing":
        lines = [
            f"{facts.get('grid', '')} {facts.get('date', '')} 截至 {facts.get('deadline', '')}"
            " 未报送每日报告（无情况也请报零报告）。"
        ]
    else:
        lines = [
            f"- 场所：{facts.get('venue', '')}（{facts.get('venue_code', '')}）",
            f"- 检查项：{facts.get('item_code', '')} · "
            f"{SEVERITY.get(str(facts.get('severity')), facts.get('severity', ''))}",
            f"- 情况：{facts.get('description', '')}",
            f"- 整改期限：{facts.get('deadline', '')}",
            f"- 发现人：{facts.get('reported_by', '')}",
        ]
        if trigger == "major_hazard":
            lines.append("- 请立即上报片区民警和网格办，当天落实临时措施。")
        else:
            lines.append("- 已过整改期限，请复查或移交派出所/消防大队。")
    return "\n".join([head, *lines])


def request(
    channel: str, url: str, secret: str, trigger: str, grid_code: str, facts: dict[str, Any],
    created_at: str,
) -> Request:  # fmt: skip
    body_text = text(trigger, facts)
    if channel == "wecom":
        return Request(url, {"msgtype": "markdown", "markdown": {"content": body_text}})
    if channel == "dingtalk":
        return Request(
            signed_dingtalk_url(url, secret) if secret else url,
            {"msgtype": "markdown", "markdown": {"title": title(trigger), "text": body_text}},
        )
    return Request(
        url,
        {"trigger": trigger, "title": title(trigger), "grid_code": grid_code, "facts": facts,
         "text": body_text, "created_at": created_at},
    )  # fmt: skip


def signed_dingtalk_url(url: str, secret: str, now_ms: int | None = None) -> str:
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256)
    sign = urllib.parse.quote_plus(base64.b64encode(digest.digest()).decode())
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={sign}"


def delivered(channel: str, status: int, answer: Any) -> str | None:
    """None when the receiver took the message; otherwise why not, for the outbox row."""
    if not 200 <= status < 300:
        return f"HTTP {status}"
    if channel in ("wecom", "dingtalk"):
        code = answer.get("errcode") if isinstance(answer, dict) else None
        if code != 0:
            message = answer.get("errmsg", "") if isinstance(answer, dict) else ""
            return f"errcode {code}: {message}".strip()
    return None
