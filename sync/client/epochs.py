"""The server's epoch: which history of the server this device's pull cursor and
acknowledged ops belong to.

A new epoch (a server restored from a backup) resets the cursor and puts every
acknowledged op back to pending (invariant 6). Only the device's own server may start
that: the health answer is not authenticated, and anything on the server's port can claim
an epoch there (`python3 -m http.server` serving a file named `api/v1/health`). A new
epoch said by the health answer is therefore asked again with an empty push, which only
a fieldapp server that knows this device's token answers; its epoch is the one trusted.
Pushes and pull pages are authenticated calls already.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from fieldapp.store.db import write_transaction
from fieldapp.store.models import Outbox, SyncState
from sync.client.apply import forget_server_seqs
from sync.client.base import ServerRefused, UnreadableAnswer, error_message
from sync.client.pulling import held, sync_state
from sync.protocol import PushResponse

if TYPE_CHECKING:
    import httpx


class EpochKeeper:
    if TYPE_CHECKING:
        base_url: str
        device_id: str

        def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...

    def check_epoch(self, epoch: str) -> bool:
        """Record the server's epoch; on a new one reset the cursor, requeue acked ops and
        forget the server's numbers of hazard events (the restored server may not know an
        event any more, and may give its number to another). Until the re-push and re-pull
        number them again, those events fold after the ones it knows, like unsent ones.
        Give it only an epoch an authenticated call answered with (`proven_epoch`)."""
        if held("server_epoch") == epoch:
            return False
        state = sync_state()
        with write_transaction():
            if state.server_epoch:
                Outbox.update(state="pending", acked_at=None).where(
                    Outbox.state == "acked"
                ).execute()
                SyncState.update(pull_cursor="").where(SyncState.id == 1).execute()
                forget_server_seqs()
            SyncState.update(server_epoch=epoch).where(SyncState.id == 1).execute()
        return bool(state.server_epoch)

    def proven_epoch(self, said: str) -> str:
        """The epoch of this device's server: `said` (by the health answer) when it is the
        one the device holds, else the one an empty push answers with. Raises as any call
        does when what answers is not a fieldapp server that knows this device."""
        if held("server_epoch") == said:
            return said
        body = json.dumps({"device_id": self.device_id, "ops": []}).encode()
        response = self._request(
            "POST", "/push", content=body, headers={"content-type": "application/json"}
        )
        if response.status_code != 200:
            raise ServerRefused(f"the server refused this device: {error_message(response)}")
        try:
            return PushResponse.model_validate(response.json()).epoch
        except ValueError:  # not JSON, or not a push answer
            raise UnreadableAnswer(self.base_url) from None
