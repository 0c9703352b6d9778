"""What `make mutation` mutates and with which tests (used by mutation_run.py and
mutation_steps.py): per target module, the tests that exercise it; the client's row modules
one by one; a target that names several files.
"""

from __future__ import annotations

# The client's sync tests: pushes and pulls against a real server, lost and refused ops.
CLIENT_TESTS = [
    "tests/sync/test_lost_ops.py",
    "tests/sync/test_blobs_backoff.py",
    "tests/sync/test_push.py",
    "tests/sync/test_pull_epoch.py",
    "tests/sync/test_blob_download.py",
    "tests/sync/test_epoch_event_order.py",
    "tests/sync/test_batch_split.py",  # a batch refused whole sent op by op; its epoch
    "tests/sync/test_pull_unsettled.py",  # an epoch or a reset on every page stops the pull
    "tests/sync/test_locked_push.py",  # a locked device holds its people ops back
    "tests/sync/test_revoked_device.py",  # a revoked device forgets its people
    "tests/sync/test_incidents.py",  # videos counted and shown going up, a missing one said
    "tests/sync/test_push_answers.py",  # a refusal, the count shown, the waits before retries
    "tests/sync/test_full_store.py",  # the device's disk full mid-sync: said so, nothing lost
    "tests/sync/test_device_revocation.py",  # a token never issued is told to enrol
    "tests/sync/test_private_ca.py",  # the town's CA kept for every sync; a silent server
    "tests/sync/test_verdicts.py",  # the scans' verdicts told, from every page of a pull
]
# Photos and incident videos up and down: resumed parts, hashes, the blob store, backoff.
PHOTO_TESTS = [
    "tests/sync/test_blob_download.py",
    "tests/sync/test_blobs_backoff.py",  # photos counted going up, before their ops
    "tests/sync/test_blob_scope.py",
    "tests/sync/test_blob_stores.py",
    "tests/sync/test_incident_media_faults.py",
    "tests/sync/test_incidents.py",
    "tests/sync/test_presence_proof.py",
    "tests/sync/test_lost_ops.py",
    "tests/sync/test_photo_refusals_going_up.py",  # refused, damaged, held
    "tests/sync/test_photo_refusals_videos.py",  # videos in parts: refused, lost, resumed
    "tests/sync/test_photo_refusals_coming_down.py",  # downloads cut short
    "tests/sync/test_pull_inspection_rows.py",  # malformed photo references never fetched
    "tests/sync/test_video_memory.py",  # a large video read a chunk at a time
    "tests/sync/test_locked_push.py",  # videos found without opening sealed people ops
]
# Pulled pages into the device store: every kind of record, skipped ones said, refolds.
APPLY_TESTS = [
    "tests/sync/test_pull_epoch.py",
    "tests/sync/test_scope_change.py",
    "tests/sync/test_epoch_event_order.py",
    "tests/sync/test_presence_proof.py",
    "tests/sync/test_people_sync.py",
    "tests/sync/test_fold_order.py",
    "tests/sync/test_pull_apply.py",  # skipped records and their warnings; checklists, keys
    "tests/sync/test_pull_held_venues.py",  # a first pull leaves the venues held as they are
    "tests/sync/test_data_feed.py",
    "tests/sync/test_campaigns.py",
    "tests/sync/test_activity_sync.py",
    "tests/sync/test_followup_sync.py",
    "tests/sync/test_retention.py",  # records the server deleted leave the device
    "tests/sync/test_incidents.py",
    "tests/sync/test_verdicts.py",
    "tests/sync/test_lost_ops.py",  # the server's numbers of pushed events
    "tests/sync/test_office_data.py",  # a kind, a grid level and a setting pulled
    "tests/sync/test_grid_levels.py",  # a fourth level under its parent
    "tests/sync/test_office_activity_settings.py",  # settings the office publishes
    "tests/sync/test_deadline_sync.py",  # an extended deadline refolded on the device
    "tests/sync/test_pull_patrol_rows.py",  # checkpoints, routes, runs skipped and said
    "tests/sync/test_pull_incident_rows.py",  # incidents and events skipped and said
    "tests/sync/test_patrol_runs.py",
    "tests/sync/test_patrol_import.py",
    "tests/sync/test_venue_facts.py",
    "tests/sync/test_pull_inspection_rows.py",
]
# Per module, the tests that exercise it (mutmut then runs, per mutant, only those that
# called the mutated function). Chosen so one module takes minutes, not hours.
TARGETS: dict[str, list[str]] = {
    "fieldapp/domain/findings.py": [
        "tests/test_findings_fold.py",
        "tests/test_findings_property.py",
        "tests/test_findings_rules.py",
        "tests/test_incidents_fold.py",
    ],
    # The refusals worded for a person (split out of findings.py): role and state checks.
    "fieldapp/domain/finding_checks.py": [
        "tests/test_findings_rules.py",
        "tests/test_incidents_fold.py",
    ],
    # The transition tables the fold reads (split out of findings.py).
    "fieldapp/domain/lifecycle.py": [
        "tests/test_findings_fold.py",
        "tests/test_findings_rules.py",
        "tests/test_incidents_fold.py",
    ],
    "fieldapp/domain/placard.py": ["tests/test_placard_payload.py"],
    "sync/server/auth.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_cli.py",
        "tests/sync/test_audit.py",
        "tests/sync/test_welcome_enrol.py",
        "tests/sync/test_enrolment_codes.py",  # what is printed, refused, spent and kept
        "tests/sync/test_device_revocation.py",  # one device revoked; the trail; bad tokens
        "tests/sync/test_last_seen.py",  # last seen written once a minute
    ],
    "sync/server/scope.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_scope_change.py",
        "tests/sync/test_blob_scope.py",
        "tests/sync/test_people_sync.py",
        "tests/sync/test_campaigns.py",
        "tests/sync/test_scope_refusals.py",  # grids_in_scope, the reasons of require_grid
        "tests/sync/test_responsibility_scope.py",  # 包保: is_responsible, households outside
    ],
    "sync/server/apply.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_wire_bounds.py",
        "tests/sync/test_lost_ops.py",
        "tests/sync/test_single_op_push.py",  # a batch of one answered as in a batch
        "tests/sync/test_one_failing_op.py",  # the one-op-at-a-time fallback, error ids
        "tests/sync/test_op_sent_twice.py",  # twice in a batch, under a new op id, in a race
    ],
    "sync/client/apply.py": APPLY_TESTS,
    # Pushing (a batch acknowledged only when the server said so) and pulling (pages
    # applied with their cursor): where the client can lose or duplicate an op.
    "sync/client/sync_client.py": CLIENT_TESTS,
    "sync/client/pulling.py": CLIENT_TESTS,
    # The evidence that travels beside the records: photos and videos up in parts and
    # down, resumed, checked against their hashes; the blob store they land in.
    "sync/client/photos.py": PHOTO_TESTS,
    "sync/client/blobs.py": PHOTO_TESTS,
    # What a sync says when it fails (refusals, busy servers, a full store, TLS), the
    # backoff, the https rule: all the client's tests, and the screens that show them.
    "sync/client/base.py": [
        "tests/sync/test_sync_messages.py",  # what a person is told, word for word
        *CLIENT_TESTS,
        "tests/sync/test_welcome_enrol.py",
        "tests/test_sync_ui.py",
    ],
    # Pulled inspections, findings and their events written as rows.
    "sync/client/inspection_rows.py": [
        "tests/sync/test_pull_inspection_rows.py",  # skipped records, strangers, verdicts
        "tests/sync/test_push.py",
        "tests/sync/test_presence_proof.py",
        "tests/sync/test_fold_order.py",
        "tests/sync/test_epoch_event_order.py",
        "tests/sync/test_pull_apply.py",
        "tests/sync/test_verdicts.py",
        "tests/sync/test_data_feed.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_lost_ops.py",
        "tests/sync/test_deadline_sync.py",  # an event's data (a new deadline) refolded
    ],
    # The small modules apply.py hands each kind of pulled record to, and enrolment: one
    # run (one collection of the statistics) for all of them, each file mutated. Every
    # pull calls each of them, so its statistics tie each function to ~70 tests and a
    # surviving mutant takes minutes: `make mutation` runs them one by one instead
    # (ROW_MODULES), each against its own tests.
    "sync/client (rows)": [*APPLY_TESTS, "tests/sync/test_welcome_enrol.py"],
    "sync/client": CLIENT_TESTS,
}
_PULL_ROWS = [
    "tests/sync/test_pull_apply.py",
    "tests/sync/test_pull_inspection_rows.py",
    "tests/sync/test_pull_patrol_rows.py",
    "tests/sync/test_pull_incident_rows.py",
]
ROW_MODULES: dict[str, list[str]] = {
    "sync/client/rows.py": [*_PULL_ROWS, "tests/sync/test_pull_held_venues.py"],
    "sync/client/people_rows.py": [
        "tests/sync/test_pull_apply.py",  # vehicles and members as the server lists them
        "tests/sync/test_responsibilities.py",  # 包保 cadres reach the device
        "tests/sync/test_people_registration_date.py",
        "tests/sync/test_people_sync.py",
        "tests/sync/test_responsibility_scope.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_revoked_device.py",
    ],
    "sync/client/patrol_rows.py": [
        "tests/sync/test_pull_patrol_rows.py",
        "tests/sync/test_patrol_runs.py",
        "tests/sync/test_patrol_import.py",
    ],
    "sync/client/followup_rows.py": [
        "tests/sync/test_followup_sync.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_pull_apply.py",
    ],
    "sync/client/incident_rows.py": [
        "tests/sync/test_pull_incident_rows.py",
        "tests/sync/test_incidents.py",
        "tests/sync/test_epoch_event_order.py",
    ],
    "sync/client/office_rows.py": [
        "tests/sync/test_pull_apply.py",  # a setting the office may not publish, said
        "tests/sync/test_office_data.py",
        "tests/sync/test_grid_levels.py",
        "tests/sync/test_office_activity_settings.py",
    ],
    "sync/client/activity_rows.py": [
        "tests/sync/test_activity_sync.py",
        "tests/sync/test_office_activity_settings.py",
    ],
    "sync/client/campaigns.py": ["tests/sync/test_campaigns.py"],
    "sync/client/verdicts.py": [
        "tests/sync/test_verdicts.py",
        "tests/sync/test_presence_proof.py",
        "tests/sync/test_pull_inspection_rows.py",  # a page of verdicts, some passed over
    ],
    "sync/client/enroll.py": [
        "tests/sync/test_enrol_again.py",  # a laptop handed over; enrolments that cannot happen
        "tests/sync/test_push.py",  # the device recorded, the code spent
        "tests/sync/test_welcome_enrol.py",
        "tests/sync/test_private_ca.py",
        "tests/sync/test_device_revocation.py",
    ],
}
TARGETS.update(ROW_MODULES)
# A target that names several files: mutated together, in one copy, with one test list.
GROUPS: dict[str, list[str]] = {
    "sync/client (rows)": [
        f"sync/client/{name}.py"
        for name in (
            "rows", "people_rows", "patrol_rows", "followup_rows", "incident_rows",
            "office_rows", "activity_rows", "campaigns", "verdicts", "enroll",
        )
    ],
}  # fmt: skip


def target_files(target: str) -> list[str]:
    return GROUPS.get(target, [target])


# Every listed test file besides the named targets' (the full client package is the
# longest run; its apply module is also a target of its own; the row modules one by one).
DEFAULT = [t for t in TARGETS if t not in ("sync/client", "sync/client (rows)")]
