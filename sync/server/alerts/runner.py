"""The alert loop a server process runs in a daemon thread: notice, then deliver, every
`every` seconds. It has its own connections and never touches a request, so a push is
never held up by a receiver that is slow or down; an error is logged and the loop goes on."""

from __future__ import annotations

import logging
import threading

from sync.server import db as server_db
from sync.server.alerts.notice import notice_changes, notice_clock, pending_ids
from sync.server.alerts.rules import enabled_rules
from sync.server.alerts.sender import deliver_pending

log = logging.getLogger("fieldapp.server.alerts")


def run_once() -> None:
    """One round: the change log until caught up, the clock, then delivery. A server with
    no rule and nothing to send only reads two rows' worth (most servers, and the tests)."""
    with server_db.current().connection_context():
        if not enabled_rules() and not pending_ids(1):
            return
        while notice_changes():
            pass
        notice_clock()
        deliver_pending()


def start(every: float) -> threading.Event:
    """Start the loop; set the returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            try:
                run_once()
            except Exception:  # the loop must outlive a bad round; the next one retries
                log.exception("alert round failed")

    threading.Thread(target=loop, name="alerts", daemon=True).start()
    return stop
