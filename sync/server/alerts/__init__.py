"""Alerts: the server tells people when something needs them, without anyone opening a
screen — a major hazard reported, a hazard overdue, a grid's daily report missing at its
deadline — through 企业微信 or 钉钉 group robots, or a plain webhook.

- `rules`: who hears of what (a trigger in a grid and the grids below it, a channel, a URL);
- `notice`: turning causes into messages in the alert outbox (`AlertMessage`): new rows of
  the change log since a cursor kept in `meta`, and checks of the clock (overdue, missing
  reports); a message's `dedupe_key` makes noticing a cause twice harmless;
- `channels`: each channel's JSON body, DingTalk's signature, and what counts as delivered;
- `sender`: at-least-once delivery from the outbox with exponential backoff and jitter;
- `runner`: the loop a server process runs in a thread (`fieldapp serve`), never in the
  request path, so a push is never held up by a slow or broken receiver.

Uses the server's database and models only (never the field store).
"""
