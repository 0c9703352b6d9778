"""The throw-away demo workspace: fictional venues in the source plans' villages
(data), bulk inserts of grids, people, venues and history (bulk), the workspace itself
(workspace) and its loopback server with enrolled devices (server). May use:
services.common, services.inspection, sync.client and sync.server (the demo starts one)."""
