"""Publishing through a journal: a validated staging copy is swapped in for data/ and datapackage.json, and a swap
interrupted by a crash is finished by the next build (roll_forward). One build at a time (build_lock)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: msvcrt's byte-range lock instead of flock
    fcntl = None
    import msvcrt

from ..core.errors import BuildLocked

STAGING = ".build-staging"
PREVIOUS = ".publish-previous"
JOURNAL = ".publish-journal"
LOCK = ".build.lock"
FAILPOINT_VARIABLE = "PUBLISH_FAILPOINT"
FAILPOINTS = (
    "staged",
    "validated",
    "journal-written",
    "data-moved-aside",
    "data-replaced",
    "descriptor-replaced",
    "cleaned-up",
)


def commit(root: Path) -> None:
    """Publish the validated staging copy. The journal, written atomically first, says that the staging copy is
    complete and valid; from then on every step is finished by roll_forward, here or by the next build after a
    crash. Before the journal exists data/ and datapackage.json are untouched."""
    sync_tree(root / STAGING)  # the staged files reach the disk before the journal says they are there
    temporary = root / (JOURNAL + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"staging": STAGING, "previous": PREVIOUS}) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / JOURNAL)
    sync_directory(root)
    failpoint("journal-written")
    roll_forward(root)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder below folder (a power cut after the journal must not find them empty)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for path in [folder, *sorted(p for p in folder.rglob("*") if p.is_dir())]:
        sync_directory(path)


def sync_directory(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def roll_forward(root: Path) -> bool:
    """Finish an interrupted publish; idempotent from any point after the journal was written. True if it did."""
    journal = root / JOURNAL
    if not journal.exists():
        return False
    staging, previous = root / STAGING, root / PREVIOUS
    previous.mkdir(exist_ok=True)
    if (staging / "data").exists():
        if (root / "data").exists():
            os.replace(root / "data", previous / "data")
            failpoint("data-moved-aside")
        os.replace(staging / "data", root / "data")
        failpoint("data-replaced")
    if (staging / "datapackage.json").exists():
        os.replace(staging / "datapackage.json", root / "datapackage.json")
        failpoint("descriptor-replaced")
    sync_directory(root)
    shutil.rmtree(previous, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    failpoint("cleaned-up")
    journal.unlink()
    sync_directory(root)
    return True


@contextlib.contextmanager
def build_lock(root: Path):
    """One build at a time per repository: a second one is refused at once (the lock dies with its process)."""
    path = root / LOCK
    handle = open(path, "a+", encoding="utf-8")
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError, OSError):
        try:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
        except OSError:
            holder = "unknown"
        handle.close()
        raise BuildLocked(
            path,
            "lock",
            "-",
            f"another build (pid {holder}) is running in this repository.",
            "wait for it to finish, then build again.",
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def failpoint(name: str) -> None:
    """Crash-test hook: with PUBLISH_FAILPOINT=<name> the process kills itself here with SIGKILL (tests only)."""
    if os.environ.get(FAILPOINT_VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)
