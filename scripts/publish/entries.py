"""Entries of the publish caches under .build-cache/ (the site's pages, the timeline picture): files named by the
digest of everything they show, each holding the SHA-256 of its body on its first line, so that a damaged entry is
made again, never published. Written atomically: a killed build leaves no half entry (and so are the publish
records). A file's signature says it is still the file some record describes."""

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
    write_atomically(folder / name, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside `path` (named ".<name>.<pid>.tmp"), then renamed over it."""
    temporary = path.parent / f".{path.name}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, path)


def signature(status: os.stat_result) -> tuple[int, ...]:
    """What says a file is the one a record describes: device, inode, size, modification time (a link leaves them as
    they were; writing the file changes them)."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def keep_only(folder: Path, names: set[str]) -> None:
    """Remove the entries no longer used (and any temporary file a killed build left)."""
    for entry in folder.iterdir():
        if entry.name not in names:
            entry.unlink(missing_ok=True)
