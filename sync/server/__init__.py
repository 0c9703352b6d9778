"""The central sync endpoint. It never imports the field store or the UI."""

from sync.server.app import create_app

__all__ = ["create_app"]
