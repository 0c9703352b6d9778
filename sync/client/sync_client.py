"""SyncClient: push the outbox, upload photos, pull changes — over httpx, on the local store.

The caller has opened the store (`fieldapp.store.open_store`). Nothing is marked sent until
the server's answer for that op is committed locally together with the op's new state;
a pulled page is committed together with its cursor (invariant 2). Network errors, 5xx
and 429 are retried with exponential backoff and full jitter, capped at 5 minutes
(invariant 7); other 4xx mark the op rejected with the server's reason; 401 raises
`DeviceNotEnrolled` — `DeviceRevoked` when the server says this device was revoked, which
first deletes the people data the device holds. A new server epoch resets the cursor and re-pushes every op that was
not rejected (invariant 6). After the pull, photos that pulled records refer to and this
device lacks are downloaded, a bounded number per sync; the rest come with the next one.
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import httpx
import msgspec
from peewee import DatabaseError

from fieldapp.domain.clock import now_iso
from fieldapp.domain.personal import decode_key
from fieldapp.store import keyring
from fieldapp.store.db import db, refetchable_commit, write_transaction
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.personal_data import (
    LOCKED_OPS_WARNING,
    PendingOp,
    forget_personal_data,
    opened_payloads,
)
from fieldapp.store.refused_records import mark_earlier_refusals, mark_refused
from fieldapp.store.storage_full import is_storage_full
from sync.client.apply import record_server_seqs
from sync.client.base import (
    PHASES,
    REVOKED_CODE,
    Backoff,
    Conflict,
    DeviceNotEnrolled,
    DeviceRevoked,
    InsecureURL,
    NotFieldappServer,
    Progress,
    RejectedOp,
    ServerRefused,
    ServerUnavailable,
    SilentServer,
    SyncError,
    SyncResult,
    UnreadableAnswer,
    check_url,
    default_blob_path,
    error_code,
    error_message,
    foreign_answer,
    retry_after_seconds,
    server_verification,
    store_failed,
    unreached,
    untrusted_server,
)
from sync.client.enroll import enroll_device
from sync.client.epochs import EpochKeeper
from sync.client.photos import PhotoTransfer
from sync.client.pulling import PagePuller
from sync.client.refused_events import record_of, set_aside, set_aside_earlier_refusals
from sync.protocol import (
    API_PREFIX,
    PROTOCOL_VERSION,
    Health,
    OpResult,
    PersonalKey,
    PushResponse,
)


class SyncClient(EpochKeeper, PagePuller, PhotoTransfer):
    def __init__(
        self,
        base_url: str,
        token: str,
        device_id: str,
        *,
        verify: bool | str | ssl.SSLContext = True,  # a str: a PEM file of CA certificates
        allow_insecure_http: bool = False,
        transport: httpx.BaseTransport | None = None,
        blob_path: Callable[[str], Path] = default_blob_path,
        batch_size: int = 100,
        page_size: int = 500,
        max_retries: int = 3,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = 30.0,
        blob_download_limit: int = 100,
        blob_download_bytes: int = 25 * 1024 * 1024,
    ) -> None:
        self.base_url = check_url(base_url, allow_insecure_http=allow_insecure_http)
        self.device_id = device_id
        self.blob_path = blob_path
        self.batch_size = batch_size
        self.page_size = page_size
        self.max_retries = max_retries
        self.timeout = timeout
        self.blob_download_limit = blob_download_limit  # GETs per sync
        self.blob_download_bytes = blob_download_bytes  # bytes per sync (one may overshoot)
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        self.failures = 0  # consecutive failed calls, for the next retry delay
        self._retry_after = 0.0
        self.http = httpx.Client(
            base_url=self.base_url + API_PREFIX,
            verify=server_verification(verify) if isinstance(verify, str) else verify,
            transport=transport,
            timeout=timeout,
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"fieldapp-sync/{PROTOCOL_VERSION}",
            },
        )

    @classmethod
    def from_store(cls, **options: Any) -> SyncClient:
        """A client for the enrolment recorded in the open store's SyncState, checking the
        server with the CA certificates given at enrolment (an explicit `verify=` wins).
        Raises UnreadableCABundle when that file cannot be read any more."""
        state = SyncState.get_or_none(SyncState.id == 1)
        if state is None or not state.token or not state.server_url:
            raise DeviceNotEnrolled("no enrolment on this device; run `fieldapp enroll URL CODE`")
        if "verify" not in options:
            options["verify"] = server_verification(state.ca_bundle, enrolled=True)
        return cls(state.server_url, state.token, state.device_id, **options)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transport ----------------------------------------------------------------------

    def _request(
        self, method: str, path: str, *, sent: Future[httpx.Response] | None = None, **kwargs: Any
    ) -> httpx.Response:
        """One call, retried on network errors, 5xx and 429; 401 raises DeviceNotEnrolled
        (DeviceRevoked, after deleting the people data, when the device was revoked).
        `sent`: the first attempt, already on its way (its answer is judged as any)."""
        failure = ServerUnavailable("", 0)
        for attempt in range(self.max_retries + 1):
            if attempt:
                delay = self.backoff.delay(attempt - 1)
                self.sleep(max(delay, self._retry_after) if self._retry_after else delay)
            self._retry_after = 0.0
            try:
                if sent is not None and not attempt:
                    response = sent.result()
                else:
                    response = self.http.request(method, path, **kwargs)
            except httpx.TransportError as error:
                untrusted = untrusted_server(self.base_url, error)
                if untrusted is not None:  # trying again would not change the certificate
                    raise untrusted from None
                failure = unreached(error, self.timeout)
                self.failures += 1
                if isinstance(failure, SilentServer):  # each retry would wait as long again
                    raise failure from None
                continue
            foreign = foreign_answer(self.base_url, response)
            if foreign is not None:  # a wrong address: trying again will not help
                raise foreign
            if response.status_code == 401:
                if error_code(response) == REVOKED_CODE:
                    forget_personal_data()  # the key and every person this device holds
                    raise DeviceRevoked(error_message(response))
                raise DeviceNotEnrolled(error_message(response))
            if response.status_code == 429 or response.status_code >= 500:
                said = f"server answered {response.status_code}: {error_message(response)}"
                failure = ServerUnavailable(said, response.status_code)
                self._retry_after = min(retry_after_seconds(response), self.backoff.cap)
                self.failures += 1
                continue
            self.failures = 0
            return response
        raise failure

    def next_retry_in(self) -> float:
        return self.backoff.delay(max(self.failures - 1, 0))

    # --- calls --------------------------------------------------------------------------

    def health(self) -> Health:
        response = self._request("GET", "/health")
        if response.status_code != 200:
            raise ServerRefused(error_message(response))
        try:
            return Health.model_validate(response.json())
        except ValueError:  # not JSON, or not a fieldapp health answer
            raise UnreadableAnswer(self.base_url) from None

    def fetch_personal_key(self) -> None:
        """Fetch the personal-data key once (a revoked device is refused: 401)."""
        if keyring.has_key():  # in clear, or wrapped under the device PIN
            return
        response = self._request("GET", "/personal-key")
        if response.status_code != 200:
            raise ServerRefused(f"personal-data key refused: {error_message(response)}")
        keyring.save_key(decode_key(PersonalKey.model_validate(response.json()).key))

    def push(
        self, progress: Progress | None = None, result: SyncResult | None = None
    ) -> SyncResult:
        """Send waiting ops in seq order, in batches; record each answer with its op."""
        result = result if result is not None else SyncResult()
        set_aside_earlier_refusals()
        mark_earlier_refusals()
        total = Outbox.select().where(Outbox.state == "pending").count()
        done, last_seq, restarted, held_back = 0, 0, False, False
        while True:
            batch = PendingOp.waiting(last_seq, self.batch_size)
            if not batch:
                break
            last_seq = batch[-1].seq
            rows, held_back = opened_payloads(batch, holding=held_back)
            if held_back and LOCKED_OPS_WARNING not in result.warnings:
                result.warnings.append(LOCKED_OPS_WARNING)
            if not rows:
                continue
            epoch, answers = self._send(rows)
            self._record(rows, answers, result)
            done += len(rows)
            if progress:
                progress("push", min(done, total), max(total, done))
            if epoch and self.check_epoch(epoch) and not restarted:
                result.new_epoch, restarted, last_seq = True, True, 0
                total = done + Outbox.select().where(Outbox.state == "pending").count()
        return result

    def _send(self, rows: list[Outbox | PendingOp]) -> tuple[str | None, dict[str, OpResult]]:
        # The outbox holds each payload as JSON already: splice it in, do not re-encode it.
        ops = ",".join(
            f'{{"op_id":{json.dumps(r.op_id)},"seq":{int(r.seq)},"type":{json.dumps(r.type)},'
            f'"payload":{r.payload}}}'
            for r in rows
        )
        body = f'{{"device_id":{json.dumps(self.device_id)},"ops":[{ops}]}}'.encode()
        try:
            response = self._request(
                "POST", "/push", content=body, headers={"content-type": "application/json"}
            )
        except ServerUnavailable as error:
            with write_transaction():
                for r in rows:
                    Outbox.update(attempts=Outbox.attempts + 1, last_error=str(error)).where(
                        Outbox.op_id == r.op_id
                    ).execute()
            raise
        if response.status_code == 200:
            answer = PushResponse.model_validate(msgspec.json.decode(response.content))
            return answer.epoch, {r.op_id: r for r in answer.results}
        if len(rows) > 1:  # a 4xx for the batch: find the op it is about
            answers: dict[str, OpResult] = {}
            epoch = None
            for row in rows:
                epoch_one, one = self._send([row])
                answers.update(one)
                epoch = epoch_one or epoch
            return epoch, answers
        reason = f"refused by the server ({response.status_code}): {error_message(response)}"
        return None, {
            rows[0].op_id: OpResult(op_id=rows[0].op_id, status="rejected", reason=reason)
        }

    def _record(
        self, rows: list[Outbox | PendingOp], answers: dict[str, OpResult], result: SyncResult
    ) -> None:
        """The batch's answers, each with its op, in one transaction (three executemany:
        acknowledged, rejected, not answered)."""
        stamp = now_iso()
        event_seqs: dict[str, int] = {}
        acked: list[tuple[str, str, str]] = []
        rejected: list[tuple[str, str, str | None, str | None, str]] = []
        refused: list[tuple[str, str]] = []  # (type, payload) of the rejected ops
        unanswered: list[tuple[str]] = []
        for row in rows:
            answer = answers.get(row.op_id)
            if answer is None:
                unanswered.append((row.op_id,))
            elif answer.status in ("applied", "duplicate"):
                acked.append((stamp, answer.conflict or "", row.op_id))
                result.pushed += 1
                event_seqs.update(answer.event_seqs or {})
                if answer.conflict:
                    record = record_of(row.type, row.payload)
                    result.conflicts.append(Conflict(answer.conflict, row.type, record))
            else:
                reason = answer.reason or "refused by the server"
                code, params = answer.reason_code, answer.reason_params
                coded = json.dumps(params or {}, ensure_ascii=False) if code else None
                rejected.append((reason, stamp, code, coded, row.op_id))
                refused.append((row.type, row.payload))
                result.rejected.append(
                    RejectedOp(row.op_id, row.seq, row.type, reason, code, params if code else None)
                )
        with refetchable_commit(), write_transaction():  # answered again (`duplicate`) if undone
            cursor = db.cursor()
            cursor.executemany(
                "UPDATE outbox SET state = 'acked', acked_at = ?, attempts = attempts + 1,"
                " last_error = ? WHERE op_id = ?",
                acked,
            )
            cursor.executemany(
                "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?,"
                " refused_at = ?, refusal_code = ?, refusal_params = ? WHERE op_id = ?",
                rejected,
            )
            cursor.executemany(
                "UPDATE outbox SET attempts = attempts + 1,"
                " last_error = 'the server did not answer this op' WHERE op_id = ?",
                unanswered,
            )
            record_server_seqs(event_seqs)  # one refold per finding for the whole batch
            set_aside(refused)  # a refused event leaves its hazard's fold (refused_events)
            mark_refused(r[-1] for r in rejected)  # a refused inspection is not done

    def sync_once(self, progress_callback: Progress | None = None) -> SyncResult:
        """photos up → push → pull → video/audio up → photos down. Returns what happened;
        raises only DeviceNotEnrolled."""
        result = SyncResult()
        try:
            result.new_epoch = self.check_epoch(self.proven_epoch(self.health().epoch))
            self.fetch_personal_key()
            self.upload_blobs(progress_callback, result)
            self.push(progress_callback, result)
            self.pull(progress_callback, result)
            self.upload_media(progress_callback, result)
            self.download_blobs(progress_callback, result)
        except DeviceNotEnrolled as error:
            SyncState.update(last_error=str(error)).where(SyncState.id == 1).execute()
            raise
        except (NotFieldappServer, UnreadableAnswer) as error:  # again would not help
            result.errors.append(str(error))
            result.failure = error
        except SyncError as error:
            result.errors.append(str(error))
            result.failure = error
            result.retry_in = self.next_retry_in()
        except (httpx.HTTPError, ValueError):  # e.g. a captive portal's page: it may pass
            unreadable = UnreadableAnswer(self.base_url)
            result.errors.append(str(unreadable))
            result.failure = unreadable
            result.retry_in = self.next_retry_in()
        except DatabaseError as error:
            store_failed(result, error)
        except OSError as error:  # a file beside the store (the personal key) not written
            if not is_storage_full(error):
                raise
            store_failed(result, error)
        result.pending = Outbox.select().where(Outbox.state == "pending").count()
        values: dict[str, Any] = {"last_error": "; ".join(result.errors)}
        if not result.errors:
            values["last_sync_at"] = now_iso()
        try:
            SyncState.update(**values).where(SyncState.id == 1).execute()
        except DatabaseError as error:  # the disk still full: the result says so, not a crash
            if not is_storage_full(error):
                raise
            if not result.storage_full:
                store_failed(result, error)
        return result


__all__ = [
    "PHASES",
    "Backoff",
    "DeviceNotEnrolled",
    "DeviceRevoked",
    "InsecureURL",
    "Progress",
    "RejectedOp",
    "ServerRefused",
    "ServerUnavailable",
    "SyncClient",
    "SyncError",
    "SyncResult",
    "check_url",
    "default_blob_path",
    "enroll_device",
]
