"""What the timeline's pictures share (scripts/publish/timeline.py, overview.py): their file names, matplotlib loaded
on the Agg backend with a writable configuration folder, the drawing settings that make the bytes reproducible."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SVG = "timeline.svg"
PNG = "timeline.png"
GAP_DAYS = 120  # dates further apart than this go into separate stretches of the axis
NO_TYPE = "#8c8c8c"  # the colour of an event without a PLOVER type
RC = {
    "svg.hashsalt": "geopolitical-timeline",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "path.simplify": False,
    "text.parse_math": False,
}


def writable_matplotlib_dir() -> None:
    """matplotlib keeps its configuration and font cache in ~/.config/matplotlib; where that cannot be written (a
    read-only HOME, another user), a folder of its own under the system's temporary folder, kept between builds so
    that the font cache is built once."""
    if os.environ.get("MPLCONFIGDIR"):
        return
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "matplotlib"
    try:
        home.mkdir(parents=True, exist_ok=True)
        if os.access(home, os.W_OK | os.X_OK):
            return
    except OSError:
        pass
    fallback = (
        Path(tempfile.gettempdir()) / f"geopolitical-timeline-matplotlib-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    fallback.mkdir(mode=0o700, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(fallback)


def pyplot():
    """matplotlib's pyplot on the Agg backend, loaded by the first picture drawn (a cached picture needs none)."""
    writable_matplotlib_dir()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
