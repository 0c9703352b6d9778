"""Incidents (事件): reported from anywhere in the app, followed to an outcome.

- `evidence`: video and audio files stored as they are, by sha256, size-limited;
- `reporting`: a new incident with its `reported` event, one transaction with its op;
- `events`: events through the one lifecycle fold (`domain.incidents.INCIDENT`);
- `queue`: the supervisor's incident queue and its bulk actions;
- `mine`: the incidents a person reported, for them to look up (我上报的事件).
- `record`: one incident in full for its read-only view (numbers in free text masked).

May use: services.common only (and store, domain, i18n below it).
"""
