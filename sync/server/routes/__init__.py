"""One APIRouter per module; `sync.server.app` mounts them under /api/v1."""
