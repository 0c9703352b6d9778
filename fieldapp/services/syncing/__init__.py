"""Sync glue for the TUI and the CLI: is the server reachable, what waits, one sync
run through `sync.client` and what follows it (due dates recomputed). May use:
services.rounds and sync.client."""
