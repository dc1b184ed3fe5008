"""Zip entries that do not depend on when or by whom they were written, so the same content gives the same bytes."""

from __future__ import annotations

import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def fixed_entry(name: str) -> zipfile.ZipInfo:
    """A deflated entry with a fixed timestamp and plain file permissions."""
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    return entry
