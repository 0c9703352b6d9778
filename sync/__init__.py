"""Two-way sync between field devices and the central server (protocol v1).

`sync.protocol` is the wire format shared by both sides; `sync.client` runs on the
device over the local store; `sync.server` is the central endpoint. Nothing here imports
Textual, and the server never imports the field store.
"""

from sync.protocol import PROTOCOL_VERSION

__all__ = ["PROTOCOL_VERSION"]
