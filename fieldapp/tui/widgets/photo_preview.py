"""A photo shown in the terminal as text art: two pixels a cell, in colour (half blocks).

Any terminal shows half blocks, so the preview needs no query of the terminal's graphics
protocols (textual-image's sixel/kitty detection runs at import, before the app starts,
and added ~0.5 s to every start here); `o` opens the photo in the system viewer.
`text_art` reads and scales the file, so call it in a worker; the widget only shows it.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import RenderableType
from textual.widgets import Static

from fieldapp.i18n import t


def text_art(path: Path, width: int, height: int) -> RenderableType:
    """The photo at `path` fitted into `width`×`height` cells, or a sentence saying why not."""
    from PIL import Image, ImageOps, UnidentifiedImageError
    from rich_pixels import Pixels

    if not path.is_file():
        return t("record.photo_missing", name=path.name)
    try:
        with Image.open(path) as original:
            image = ImageOps.exif_transpose(original).convert("RGB")
            image.thumbnail((max(1, width), max(2, height * 2)))
            pixels: RenderableType = Pixels.from_image(image)
    except (UnidentifiedImageError, OSError):
        return t("record.photo_unreadable", name=path.name)
    return pixels


class PhotoPreview(Static):
    DEFAULT_CSS = """
    PhotoPreview {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        color: $text-muted;
    }
    """
