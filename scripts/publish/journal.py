"""Publishing through a journal: a checked staging copy is swapped in for data/, datapackage.json and (when its data
dictionary changed) README.md, and a swap interrupted by a crash is finished or undone by the next build
(roll_forward). One build at a time (build_lock).

The journal (.publish-journal, written atomically) lists every staged file with its size and SHA-256. The swap moves
each entry in turn: the old one into .publish-previous/, the staged one into its place. At every instant each entry
is either still staged, moved aside (old in .publish-previous/, new still staged) or published (new in place, old in
.publish-previous/), so what is on disk plus the journal always holds the whole old package and the whole new one.
roll_forward publishes only files that match the journal exactly; anything else is undone: the old entries go back,
the staging copy and the journal are discarded. The lock, the journal and the copies are never reached through a
symbolic link."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: msvcrt's byte-range lock instead of flock
    fcntl = None
    import msvcrt

from ..core.errors import (
    BuildError,
    BuildLocked,
    NoSpace,
    NotSameFilesystem,
    NotWritable,
    PublishFailed,
    UnsafePath,
    ValidationFailed,
)
from .entries import signature

STAGING = ".build-staging"
PREVIOUS = ".publish-previous"
JOURNAL = ".publish-journal"
LOCK = ".build.lock"
GUARDED = (LOCK, JOURNAL, STAGING, PREVIOUS)  # never followed through a symbolic link
ENTRIES = ("data", "datapackage.json", "README.md")  # swapped in this order
LABELS = {"data": "data", "datapackage.json": "descriptor", "README.md": "readme"}
VERSION = 2
MARGIN = 1 << 20  # bytes kept free beyond what a step needs
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
FAILPOINT_VARIABLE = "PUBLISH_FAILPOINT"
FAILPOINTS = (
    "staged",
    "validated",
    "journal-written",
    "data-moved-aside",
    "data-replaced",
    "descriptor-moved-aside",
    "descriptor-replaced",
    "readme-moved-aside",
    "readme-replaced",
    "journal-removed",
    "cleaned-up",
)
UNDO_FAILPOINTS = ("discard-marked", "readme-restored", "descriptor-restored", "data-restored", "discarded")


Known = dict[str, tuple[tuple[int, ...], dict]]  # path -> (its status when hashed, its size and SHA-256)


@dataclass(frozen=True)
class Outcome:
    """What roll_forward did with a journal: published the staged package, or discarded it (message says why)."""

    published: bool
    message: str


def commit(root: Path, known: Known | None = None) -> str:
    """Publish the checked staging copy; returns a true line about what changed. Before the journal exists nothing
    outside .build-staging/ has moved; from then on roll_forward finishes or undoes the swap, here or in the next
    build. OSErrors become named errors."""
    known = dict(known or {})  # files hashed already: by this process, or recorded when they were staged
    try:
        record = journal_record(root, known)
        change = describe_change(root, record, known)
        write_journal(root, record)
    except OSError as exc:
        raise os_error(exc, root / STAGING) from None
    failpoint("journal-written")
    outcome = roll_forward(root, known)
    if outcome is None or not outcome.published:
        raise ValidationFailed(
            root / STAGING,
            "publish",
            "-",
            f"the staged package no longer matches its journal: "
            f"{outcome.message if outcome else 'the journal vanished'}.",
            "build again.",
        )
    return change


def journal_record(root: Path, known: Known | None = None) -> dict:
    """Check that the swap can happen (no links, one filesystem, writable folders, free space) and describe the
    staging copy: every file's size and SHA-256 (also into `known`), and which entries existed before."""
    staging = root / STAGING
    refuse_links(root)
    if os.path.lexists(root / JOURNAL):
        raise PublishFailed(
            root / JOURNAL,
            "publish",
            "-",
            "an earlier publish is unfinished.",
            "run the build, which finishes or undoes it before anything else.",
        )
    remove(root / PREVIOUS)  # a leftover without a journal holds nothing needed
    check_same_filesystem(root)
    check_writable(root, root / "data", staging, staging / "data")
    files = manifest(staging, known)
    check_descriptor(staging, files)
    check_space(root, sum(item["bytes"] for item in files.values()), "swap the staged package in")
    sync_tree(staging)  # the staged files reach the disk before the journal says they are there
    entries = [entry for entry in ENTRIES if os.path.lexists(staging / entry)]
    return {
        "version": VERSION,
        "entries": entries,
        "had_old": {e: os.path.lexists(root / e) for e in entries},
        "files": files,
        "descriptor_sha256": files["datapackage.json"]["sha256"],
        "discard": None,
    }


def roll_forward(root: Path, known: Known | None = None) -> Outcome | None:
    """Finish or undo an interrupted publish; idempotent from any point after the journal was written. None when
    there is no journal. The staged files are published only if they match the journal exactly (same files, sizes,
    SHA-256); otherwise the old package is put back and the staging copy and the journal are discarded. `known`: the
    files this process hashed itself while writing the journal (a file whose status is unchanged is not read again)."""
    refuse_links(root)
    if not os.path.lexists(root / JOURNAL):
        return None
    try:
        record = read_journal(root)
        reason = verify(root, record, known) if record else f"{JOURNAL} cannot be read"
    except OSError as exc:
        raise os_error(exc, root / JOURNAL) from None
    record = record or {
        "version": VERSION,
        "entries": list(ENTRIES),
        "had_old": dict.fromkeys(ENTRIES, True),
        "files": {},
        "descriptor_sha256": None,
        "discard": reason,
    }
    if reason is None:
        swap_or_undo(root, record)
        return Outcome(
            True,
            f"finished a publish that an earlier build started: its {len(record['files'])} files "
            f"matched {JOURNAL} and are in place",
        )
    try:
        undo(root, record, reason)
    except OSError as exc:
        raise stuck(os_error(exc, root), exc) from None
    return Outcome(
        False, f"discarded an incomplete publish: {reason}; data/ and datapackage.json are as they were before it"
    )


def swap_or_undo(root: Path, record: dict) -> None:
    """The swap; if the system refuses a step, the old package is put back and a named error raised."""
    try:
        swap(root, record)
    except OSError as exc:
        error = os_error(exc, root / STAGING)
        try:
            undo(root, record, f"the swap stopped: {exc.strerror or exc}")
        except OSError as second:
            raise stuck(error, second) from None
        raise error from None


def stuck(error: BuildError, cause: OSError) -> BuildError:
    """The error of a publish that could be neither finished nor undone: the journal stays for the next build."""
    error.outcome = (
        f"the publish stopped part-way and could not be undone ({cause.strerror or cause}): {JOURNAL} "
        f"remains, and the next build, once the cause is fixed, puts the old package back or publishes "
        f"the new one whole; until then parts of the old one are in {PREVIOUS}/ and of the new one in "
        f"{STAGING}/."
    )
    return error


def swap(root: Path, record: dict) -> None:
    """Move each entry in: the old one aside into .publish-previous/, then the staged one into its place. Steps done
    before a crash are skipped."""
    (root / PREVIOUS).mkdir(exist_ok=True)
    for entry in record["entries"]:
        staged, current, aside = root / STAGING / entry, root / entry, root / PREVIOUS / entry
        if not os.path.lexists(staged):
            continue  # published before a crash
        if os.path.lexists(current) and not os.path.lexists(aside):
            os.replace(current, aside)
            failpoint(f"{LABELS[entry]}-moved-aside")
        os.replace(staged, current)
        failpoint(f"{LABELS[entry]}-replaced")
    finish(root)


def finish(root: Path) -> None:
    """The new package is complete: the journal goes, then the old package and the empty staging folder."""
    sync_directory(root)
    (root / JOURNAL).unlink()
    sync_directory(root)
    failpoint("journal-removed")
    remove(root / PREVIOUS)
    remove(root / STAGING)
    failpoint("cleaned-up")


def undo(root: Path, record: dict, reason: str) -> None:
    """Put every old entry back, then discard the staging copy and the journal. The journal is first marked as
    discarded, so a crash part-way is undone, not published, by the next build."""
    if record.get("discard") is None:
        write_journal(root, {**record, "discard": reason})
        failpoint("discard-marked")
    for entry in reversed(record["entries"]):
        restore(root, entry, record["had_old"].get(entry, True))
    sync_directory(root)
    (root / JOURNAL).unlink()
    sync_directory(root)
    failpoint("discarded")
    remove(root / PREVIOUS)
    remove(root / STAGING)


def restore(root: Path, entry: str, had_old: bool) -> None:
    """Put the old entry back in place (a new one there is removed); nothing to do if it never moved."""
    staged, current, aside = root / STAGING / entry, root / entry, root / PREVIOUS / entry
    if os.path.lexists(aside):
        if current.is_dir() and not current.is_symlink():
            shutil.rmtree(current)
        os.replace(aside, current)
    elif not had_old and os.path.lexists(current) and not os.path.lexists(staged):
        remove(current)  # a new entry where there was none
    else:
        return
    failpoint(f"{LABELS[entry]}-restored")


def where(root: Path, entry: str, had_old: bool) -> str:
    """Where an entry of the journal is: 'staged' (nothing moved), 'aside' (old moved aside, new still staged),
    'published' (new in place) or 'broken' (none of these: something else changed the files)."""
    staged, current, aside = (
        os.path.lexists(root / STAGING / entry),
        os.path.lexists(root / entry),
        os.path.lexists(root / PREVIOUS / entry),
    )
    if staged and not aside and current == had_old:
        return "staged"
    if staged and aside and not current:
        return "aside"
    if not staged and current and (aside or not had_old):
        return "published"
    return "broken"


def verify(root: Path, record: dict, known: Known | None = None) -> str | None:
    """None when the new files, wherever the swap has put them, are exactly the journal's; else why not."""
    if record.get("discard") is not None:
        return record["discard"]
    found: dict[str, Path | None] = {}
    waiting = set()
    for entry in record["entries"]:
        state = where(root, entry, record["had_old"][entry])
        if state == "broken":
            return f"{entry} is neither staged nor published"
        if state != "published":
            waiting.add(entry)
        found.update(listing(root / STAGING if state != "published" else root, entry))
    extra = sorted(set(os.listdir(root / STAGING)) - waiting) if (root / STAGING).is_dir() else []
    if extra:
        return f"{STAGING}/{extra[0]} is not in the journal"
    return compare(found, record["files"], known)


def compare(found: dict[str, Path | None], files: dict[str, dict], known: Known | None = None) -> str | None:
    """The first difference between the files found and the journal's list, or None."""
    for rel in sorted(files.keys() - found.keys()):
        return f"{rel} is missing"
    for rel in sorted(found.keys() - files.keys()):
        return f"{rel} is not in the journal"
    for rel, path in sorted(found.items()):
        if path is None:
            return f"{rel} is not a regular file"
        item = file_record(path, known)
        if item["bytes"] != files[rel]["bytes"]:
            return f"{rel} has {item['bytes']} bytes, the journal says {files[rel]['bytes']}"
        if item["sha256"] != files[rel]["sha256"]:
            return f"{rel} differs from the journal's SHA-256"
    return None


def listing(base: Path, entry: str) -> dict[str, Path | None]:
    """Every file of an entry below base by its path relative to base (None for a link or other non-regular file)."""
    top = base / entry
    if top.is_symlink() or not top.is_dir():
        return {entry: top if regular(top) else None}
    found: dict[str, Path | None] = {}
    folders = [(os.fspath(top), entry)]
    while folders:
        folder, rel = folders.pop()
        with os.scandir(folder) as items:
            for item in sorted(items, key=lambda item: item.name):
                if item.is_dir(follow_symlinks=False):  # links to folders are listed, not entered
                    folders.append((item.path, f"{rel}/{item.name}"))
                else:
                    found[f"{rel}/{item.name}"] = Path(item.path) if item.is_file(follow_symlinks=False) else None
    return found


def regular(path: Path) -> bool:
    """A regular file, not a link, folder or special file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def file_record(path: Path, known: Known | None = None) -> dict:
    """Size and SHA-256 of a file; taken from `known` when the file was hashed before (by this process, or when it
    was staged) and its status (signature) is unchanged since, else read and added to `known`."""
    status = signature(os.lstat(path)) if known is not None else None
    if status is not None and known.get(os.fspath(path), (None,))[0] == status:
        return known[os.fspath(path)][1]
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    record = {"bytes": size, "sha256": digest.hexdigest()}
    if status is not None:
        known[os.fspath(path)] = (status, record)
    return record


def manifest(staging: Path, known: Known | None = None) -> dict[str, dict]:
    """Size and SHA-256 of every staged file; only package entries and regular files may be staged."""
    files = {}
    for entry in sorted(os.listdir(staging)):
        if entry not in ENTRIES:
            raise ValidationFailed(
                staging / entry,
                "publish",
                "-",
                "is not part of the package.",
                "report this as a bug of scripts/publish/staging.py.",
            )
        for rel, path in listing(staging, entry).items():
            if path is None:
                raise ValidationFailed(
                    staging / rel,
                    "publish",
                    "-",
                    "is not a regular file.",
                    "report this as a bug of scripts/publish/staging.py.",
                )
            files[rel] = file_record(path, known)
    if "datapackage.json" not in files:
        raise ValidationFailed(staging / "datapackage.json", "publish", "-", "is missing.", "build again.")
    return files


def check_descriptor(staging: Path, files: dict[str, dict]) -> None:
    """The staged datapackage.json records each resource file's true size and SHA-256 (the files it validated)."""
    try:
        resources = json.loads((staging / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationFailed(
            staging / "datapackage.json",
            "descriptor",
            "-",
            f"cannot be read ({exc}).",
            "report this as a bug of scripts/publish/descriptor.py.",
        ) from None
    for resource in resources:
        path, expected = resource.get("path"), resource.get("hash", "")
        if not isinstance(path, str) or not str(expected).startswith("sha256:"):
            continue
        item = files.get(path)
        if item is None or item["sha256"] != expected[len("sha256:") :] or item["bytes"] != resource.get("bytes"):
            raise ValidationFailed(
                staging / "datapackage.json",
                resource.get("name", path),
                "hash",
                f"{path} differs from the size or SHA-256 that the descriptor records.",
                "build again; if it repeats, report a bug of scripts/publish/descriptor.py.",
            )


def describe_change(root: Path, record: dict, known: Known | None = None) -> str:
    """A true line about what the swap changes: the package's files new or changed and removed, and the README. (A
    published file that is the staged one, linked, is unchanged without reading it.)"""
    files = {rel: item for rel, item in record["files"].items() if rel != "README.md"}
    old: dict[str, Path | None] = {}
    for entry in ("data", "datapackage.json"):
        if os.path.lexists(root / entry):
            old.update(listing(root, entry))
    staged = {path: status for path, (status, _) in (known or {}).items()}

    def same(rel: str, item: dict) -> bool:
        status = os.lstat(old[rel])
        if staged.get(os.fspath(root / STAGING / rel), (None, None))[:2] == (status.st_dev, status.st_ino):
            return True
        return status.st_size == item["bytes"] and file_record(old[rel]) == item

    changed = [rel for rel, item in files.items() if old.get(rel) is None or not same(rel, item)]
    removed = [rel for rel in old if rel not in files]
    line = f"published data/ and datapackage.json: {len(files)} files, "
    if changed or removed:
        line += f"{len(changed)} new or changed, {len(removed)} removed"
    else:
        line += "the same bytes as before"
    if "README.md" in record["entries"]:
        line += "; README.md's data dictionary regenerated"
    return line


def write_journal(root: Path, record: dict) -> None:
    """Write the journal atomically and durably (a temporary file created anew, never through a link, then renamed)."""
    temporary = root / (JOURNAL + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # removes a stale file or link, never its target
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(record, indent=1, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / JOURNAL)
    sync_directory(root)


def read_journal(root: Path) -> dict | None:
    """The journal's record, or None when it is not a well-formed journal of this version."""
    descriptor = os.open(root / JOURNAL, os.O_RDONLY | NOFOLLOW)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            record = json.loads(handle.read().decode("utf-8"))
        except ValueError:
            return None
    return record if well_formed(record) else None


def well_formed(record: object) -> bool:
    """A journal this code wrote: known entries in order, and a size and SHA-256 for every file."""
    try:
        entries, had_old, discard = record["entries"], record["had_old"], record.get("discard")
        if record.get("version") != VERSION or not entries or entries != [e for e in ENTRIES if e in entries]:
            return False
        if any(not isinstance(had_old[entry], bool) for entry in entries):
            return False
        if discard is not None:
            return isinstance(discard, str)
        files = record["files"]
        return files["datapackage.json"]["sha256"] == record["descriptor_sha256"] and all(
            rel.split("/")[0] in entries and isinstance(item["bytes"], int) and len(item["sha256"]) == 64
            for rel, item in files.items()
        )
    except (KeyError, TypeError, AttributeError):
        return False


def refuse_links(root: Path, names: tuple[str, ...] = GUARDED) -> None:
    """UnsafePath if the lock, the journal or a copy's folder is a symbolic link (the build never follows one)."""
    for name in names:
        if (root / name).is_symlink():
            raise UnsafePath(
                root / name,
                "publish",
                "-",
                "is a symbolic link; the build never follows a link where "
                "it keeps its lock, journal or copies, and has not touched its target.",
                f"remove the link (rm {root / name}) and build again.",
            )


def check_same_filesystem(root: Path) -> None:
    """NotSameFilesystem unless the staging folder lies on the filesystem of the root, data/ and the descriptor (the
    swap must be a rename)."""
    staging = root / STAGING
    expected = device(staging)
    for path in (root, root / "data", root / "datapackage.json", root / "README.md", root / PREVIOUS, staging / "data"):
        if os.path.lexists(path) and device(path) != expected:
            raise NotSameFilesystem(
                path,
                "publish",
                "filesystem",
                f"is on another filesystem than {staging}, and "
                "the swap must be a rename, which cannot cross filesystems; nothing was moved.",
                "keep data/, datapackage.json and the build's folders on the filesystem of the "
                "repository (do not mount data/ separately) and build again.",
            )


def device(path: Path) -> int:
    """The filesystem a path (not its link target) lies on."""
    return os.lstat(path).st_dev


def check_space(root: Path, need: int, purpose: str) -> None:
    """NoSpace unless the root's filesystem has need bytes free, and a margin."""
    free = shutil.disk_usage(root).free
    if free < need + MARGIN:
        raise NoSpace(
            root,
            "publish",
            "free space",
            f"{free:,} bytes are free on its filesystem, {need + MARGIN:,} are needed to {purpose}.",
            f"free at least {need + MARGIN - free:,} bytes there and build again.",
        )


def check_writable(*folders: Path) -> None:
    """NotWritable unless each existing folder accepts a new file (permission checked, then a probe file written)."""
    for folder in folders:
        if not os.path.lexists(folder):
            continue
        if not os.access(folder, os.W_OK):
            raise NotWritable(
                folder,
                "publish",
                "permissions",
                "is not writable for this user.",
                f"make it writable (chmod u+w {folder}) or build as its owner.",
            )
        try:
            descriptor, probe = tempfile.mkstemp(prefix=".write-probe-", dir=folder)
            os.close(descriptor)
            os.unlink(probe)
        except OSError as exc:
            raise os_error(exc, folder) from None


def os_error(exc: OSError, path: Path) -> BuildError:
    """The named error for an OSError of the publish: NoSpace, NotWritable, NotSameFilesystem, UnsafePath or
    PublishFailed, naming the path and the fix."""
    where = Path(exc.filename) if isinstance(exc.filename, (str, os.PathLike)) else path
    code = errno.errorcode.get(exc.errno or 0, "OSError")
    problem = f"{exc.strerror or exc}."
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return NoSpace(where, "publish", code, problem, "free space on its filesystem and build again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return NotWritable(
            where,
            "publish",
            code,
            problem,
            "make it writable for the user who builds (chmod u+w, or mount read-write) and build again.",
        )
    if exc.errno == errno.EXDEV:
        return NotSameFilesystem(
            where,
            "publish",
            code,
            problem,
            "keep data/, datapackage.json and the build's folders on one filesystem and build again.",
        )
    if exc.errno == errno.ELOOP:
        return UnsafePath(where, "publish", code, problem, "remove the symbolic link and build again.")
    return PublishFailed(
        where,
        "publish",
        code,
        problem,
        "close programs that hold files of data/ open, fix the cause above and build again.",
    )


def remove(path: Path) -> None:
    """Remove a file, link or folder (never a link's target); nothing if it is not there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        path.unlink()


WHOLE_SYNC_FROM = 64  # files: beyond, one sync(2) is cheaper than an fsync each (a site of thousands of pages)


def sync_tree(folder: Path) -> None:
    """Every file and folder below folder on disk (a power cut after the journal must not find them empty): an fsync
    each, or, for many files on Linux, one sync(2), which there waits until everything written is on disk (the
    guarantee of an fsync of every file; man 2 sync)."""
    paths = sorted(folder.rglob("*"))
    files = [path for path in paths if path.is_file() and not path.is_symlink()]
    if len(files) >= WHOLE_SYNC_FROM and sys.platform.startswith("linux"):
        os.sync()
        return
    for path in files:
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
    for path in [folder, *(p for p in paths if p.is_dir() and not p.is_symlink())]:
        sync_directory(path)


def sync_directory(folder: Path) -> None:
    """fsync a folder, so the renames and removals in it are on disk (POSIX only)."""
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def build_lock(root: Path):
    """One build at a time per repository: a second one is refused at once (the lock dies with its process). The
    lock file is opened without following a link."""
    path = root / LOCK
    refuse_links(root, (LOCK,))
    handle = open_lock(path)
    try:
        acquire(handle, path)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def open_lock(path: Path):
    """The lock file, created if needed, opened read-write with O_NOFOLLOW."""
    flags = os.O_RDWR | os.O_CREAT | NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            refuse_links(path.parent, (path.name,))
        raise os_error(exc, path) from None
    return os.fdopen(descriptor, "r+", encoding="utf-8")


def acquire(handle, path: Path) -> None:
    """Take the lock without waiting; BuildLocked naming the holder's pid if another build has it."""
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except OSError:
        try:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
        except OSError:
            holder = "unknown"
        raise BuildLocked(
            path,
            "lock",
            "-",
            f"another build (pid {holder}) is running in this repository.",
            "wait for it to finish, then build again.",
        ) from None


def failpoint(name: str) -> None:
    """Crash-test hook: with PUBLISH_FAILPOINT=<name> the process kills itself here with SIGKILL (tests only)."""
    if os.environ.get(FAILPOINT_VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)
