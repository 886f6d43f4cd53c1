"""GUI entry: the application icon is found and carries every drawn size."""
from __future__ import annotations

from app import paths
from app.gui import _app_icon


def test_icon_files_cover_small_and_high_dpi_sizes():
    sizes = [int(p.stem.split("_")[1]) for p in paths.app_icon_files()]
    assert sizes == sorted(sizes) and sizes[0] == 16 and sizes[-1] == 256
    assert paths.resource("icons", "app.ico").stat().st_size > 1000


def test_window_icon_holds_every_size(qapp):
    icon = _app_icon()
    assert not icon.isNull()
    available = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= available
