"""Pulling: pages of changes applied in order, each committed with its cursor.

`PagePuller` is the part of `SyncClient` that pulls (the client's `_request` carries the
retries, the 401s and the fault hooks). The next page is asked for while one is applied
and is used only if that page commits the same cursor; a new server epoch or a reset of
this person's scope starts the pull again from the beginning, idempotently.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx
import msgspec

from fieldapp.sqlite_checkpoints import Checkpointer
from fieldapp.store.db import checkpoints_in_a_thread, db, refetchable_commit, write_transaction
from fieldapp.store.models import SyncState
from sync.client.apply import PageApplier
from sync.client.base import Progress, ServerRefused, ServerUnavailable, SyncResult, error_message
from sync.client.collector import collector_held
from sync.client.people_rows import restart_for_new_scope, still_replaced
from sync.protocol import PullResponse


def sync_state() -> SyncState:
    state, _ = SyncState.get_or_create(id=1)
    return state


def held(column: str) -> str | None:
    """One column of the sync state (`pull_cursor`, `server_epoch`), read once a page
    without building a query; None when there is no sync state yet."""
    row = db.execute_sql(f"SELECT {column} FROM sync_state WHERE id = 1").fetchone()  # noqa: S608
    return None if row is None else str(row[0])


class PagePuller:
    if TYPE_CHECKING:
        http: httpx.Client
        page_size: int

        def _request(
            self,
            method: str,
            path: str,
            *,
            sent: Future[httpx.Response] | None = None,
            **kwargs: Any,
        ) -> httpx.Response: ...

        def check_epoch(self, epoch: str) -> bool: ...

    def pull(
        self, progress: Progress | None = None, result: SyncResult | None = None
    ) -> SyncResult:
        """Pull pages until the server has no more; each page commits with its cursor. A reset
        (grids, role or 包保 households changed) pulls again from the start, idempotently."""
        result = result if result is not None else SyncResult()
        # The next page is asked for while this one is applied (its cursor is known once
        # this one is read); it is used only if this one commits that same cursor.
        with (
            ThreadPoolExecutor(1, thread_name_prefix="pull-ahead") as ahead,
            checkpoints_in_a_thread() as checkpoints,
        ):
            return self._pull_pages(ahead, checkpoints, progress, result)

    def _pull_pages(
        self,
        ahead: ThreadPoolExecutor,
        checkpoints: Checkpointer,
        progress: Progress | None,
        result: SyncResult,
    ) -> SyncResult:
        restarted = False
        resets = 0
        upcoming: tuple[str, Future[httpx.Response]] | None = None
        while True:
            cursor = held("pull_cursor")
            if cursor is None:
                cursor = sync_state().pull_cursor
            sent = upcoming[1] if upcoming is not None and upcoming[0] == cursor else None
            upcoming = None
            response = self._request(
                "GET", "/pull", sent=sent, params={"cursor": cursor, "limit": self.page_size}
            )
            if response.status_code != 200:
                raise ServerRefused(f"pull refused: {error_message(response)}")
            # The page's objects die with it: no cyclic collection while it is read and
            # applied (sync/client/collector.py).
            with collector_held():
                # msgspec decodes the page once; each record is taken as it is, not copied.
                page = PullResponse.model_validate(msgspec.json.decode(response.content))
                if self.check_epoch(page.epoch):
                    result.new_epoch = True
                    if restarted:
                        raise ServerUnavailable(
                            "the server's epoch keeps changing; try again later"
                        )
                    restarted = True
                    continue  # this page was read against the old cursor: start again
                if page.reset:  # this person's grids or role changed: their history too
                    resets += 1
                    if resets > 2:
                        raise ServerUnavailable(
                            "the server keeps restarting the pull; try again later"
                        )
                    if not restart_for_new_scope(result):  # drops what may be out of scope now
                        return result
                    continue
                if page.more:
                    params: dict[str, str | int] = {"cursor": page.cursor, "limit": self.page_size}
                    upcoming = (page.cursor, ahead.submit(self.http.get, "/pull", params=params))
                self._apply_page(page, checkpoints, result, progress)
                more = page.more
                del page  # freed here, not walked by the collector once it resumes
                if not more:
                    result.replaced = still_replaced(result.replaced, result.conflicts)
                    return result

    def _apply_page(
        self,
        page: PullResponse,
        checkpoints: Checkpointer,
        result: SyncResult,
        progress: Progress | None,
    ) -> None:
        """One page and its cursor in one transaction, then counted and said."""
        with refetchable_commit(), write_transaction():  # pulled again with its cursor if undone
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            applier = PageApplier(page.changes)
            result.pulled += applier.apply()
            SyncState.update(pull_cursor=page.cursor).where(SyncState.id == 1).execute()
        checkpoints.committed()
        result.pulled_types.update(change.type for change in page.changes)
        result.warnings += applier.warnings
        result.verdicts += applier.verdicts
        result.replaced += applier.replaced
        result.returns += applier.returns
        if progress:
            progress("pull", result.pulled, result.pulled + (self.page_size if page.more else 0))
