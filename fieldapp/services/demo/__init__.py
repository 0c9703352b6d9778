"""The throw-away demo workspace: fictional venues in the source plans' villages
(data), bulk inserts of grids, people, venues and history (bulk), the workspace itself
(workspace) and its loopback server with enrolled devices (server). May use:
services.common, services.inspection, services.syncing (a first pull ends as any sync
does), sync.client and sync.server (the demo starts one)."""
