"""Entries of the publish caches under .build-cache/ (the site's pages, the timeline picture): files named by the
digest of everything they show, each holding the SHA-256 of its body on its first line, so that a damaged entry is
made again, never published. Written atomically: a killed build leaves no half entry."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def load(path: Path) -> bytes | None:
    """The entry's body, or None when it is missing or damaged."""
    try:
        checksum, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        return None
    return body


def store(folder: Path, name: str, body: bytes) -> None:
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    temporary.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    os.replace(temporary, folder / name)


def keep_only(folder: Path, names: set[str]) -> None:
    """Remove the entries no longer used (and any temporary file a killed build left)."""
    for entry in folder.iterdir():
        if entry.name not in names:
            entry.unlink(missing_ok=True)
