"""Use-cases the screens and the commands call, one sub-package per capability: common
(shared by all), inspection, review, rounds, daily_report, dashboard, export, documents,
placards, syncing and demo. Each package's docstring says what it may use; the contracts
in pyproject.toml hold them to it. No Textual here."""
