"""Where things live: the data directory (FIELDAPP_HOME or platformdirs) and the assets.

The data directory holds the device token and people's data: it is made owner-only
(0700) and narrowed back to that at every start-up if it was found wider.
"""

from __future__ import annotations

import os
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CHECKLISTS_DIR = ASSETS / "checklists"
CAMPAIGNS_DIR = ASSETS / "campaigns"
ACTIVITIES_FILE = ASSETS / "activities.toml"


def data_home() -> Path:
    """The directory holding the local store, blobs and settings."""
    env = os.environ.get("FIELDAPP_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("fieldapp", appauthor=False))
    home.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    restrict(home, PRIVATE_DIR)
    return home


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def restrict(path: Path, mode: int) -> None:
    """Take away what group and others may do with `path` (if it exists and is ours).
    A path we may not change (someone else's) is left as it is."""
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            os.chmod(path, current & mode)
    except OSError:
        pass


def private_file(path: str | os.PathLike[str], flags: int) -> int:
    """Open `path` readable by its owner only (0600), also when it was there before: an
    export, a notice or a letter holds people's names and phones (an `open` opener)."""
    fd = os.open(path, flags, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    return fd


def write_private(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` as a file only its owner may read (0600)."""
    with open(path, "wb", opener=private_file) as handle:
        handle.write(data)


def private_folder(path: Path) -> Path:
    """`path` made if missing, and owner-only (0700) when made here or found wider: the
    documents and exports folders hold the files `private_file` writes."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    restrict(path, PRIVATE_DIR)
    return path


def store_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "fieldapp.sqlite3"


def blobs_dir(home: Path | None = None) -> Path:
    path = (home or data_home()) / "blobs"
    path.mkdir(parents=True, exist_ok=True)
    return path
