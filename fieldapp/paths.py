"""Where things live: the data directory (FIELDAPP_HOME or platformdirs) and the assets."""

from __future__ import annotations

import os
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CHECKLISTS_DIR = ASSETS / "checklists"


def data_home() -> Path:
    """The directory holding the local store, blobs and settings."""
    env = os.environ.get("FIELDAPP_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("fieldapp", appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def store_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "fieldapp.sqlite3"


def blobs_dir(home: Path | None = None) -> Path:
    path = (home or data_home()) / "blobs"
    path.mkdir(parents=True, exist_ok=True)
    return path
