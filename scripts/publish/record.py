"""What the last publish wrote, kept in .build-cache/published/: the digest of everything the package is made from
(every table's CSV bytes, the article texts, the schemas and package metadata, README.md, the code of the pipeline)
and the size, modification time and inode of every file it published. When a build's digest equals the record's and
every published file still matches its entry, the package on disk is what publishing would write again, byte for
byte: the build says so and writes nothing. Anything else (an edited, removed or added file, another digest, a
damaged record) means the full publish, which removes the record first and writes a new one once it has committed.
The record is a local cache, like the staged articles: never part of the package."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..core.repo import SCHEMAS
from ..stage.cache import CACHE, code_hash, files_under, tree_hash
from .entries import signature, write_atomically
from .journal import ENTRIES, listing

FORMAT = "published-package 2"


def record_path(root: Path, target: Path) -> Path:
    """One record per place a package is published to (the repository, the preview)."""
    name = "package" if target == root else target.relative_to(root).as_posix().replace("/", "-")
    return root / CACHE / "published" / f"{name}.json"


def package_digest(
    root: Path, csv: dict[str, bytes], texts: dict[str, str], plover_types: list[str], readme: bool
) -> str:
    """SHA-256 of every input of the publish step."""
    digest = hashlib.sha256(f"{FORMAT}\0{code_hash()}\0{readme}\0".encode())
    digest.update(tree_hash(files_under(root / SCHEMAS, "*.json"), root).encode())
    for name, data in csv.items():
        digest.update(f"\0table {name} {len(data)}\0".encode() + data)
    for source_id in sorted(texts):
        digest.update(f"\0text {source_id}\0".encode() + texts[source_id].encode("utf-8"))
    digest.update("\0".join(plover_types).encode())
    if readme:
        digest.update(b"\0README.md\0" + (root / "README.md").read_bytes())
    return digest.hexdigest()


def published_files(target: Path) -> dict[str, list[int]]:
    """The signature (device, inode, size, modification time) of every published file under target (a link or
    special file has none, so the record never matches it)."""
    files = {}
    for entry in ENTRIES:
        if os.path.lexists(target / entry):
            for rel, path in listing(target, entry).items():
                status = os.lstat(path) if path is not None else None
                files[rel] = list(signature(status)) if status else [-1, -1, -1, -1]
    return files


def unchanged(root: Path, target: Path, digest: str) -> list[str] | None:
    """The validation lines of the last publish when the package on disk is still exactly what it published from
    the same inputs; otherwise None."""
    try:
        record = json.loads(record_path(root, target).read_text(encoding="utf-8"))
        if record["format"] == FORMAT and record["digest"] == digest and record["files"] == published_files(target):
            return list(record["lines"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def forget(root: Path, target: Path) -> None:
    """Before a full publish: no record may outlive the package it describes."""
    record_path(root, target).unlink(missing_ok=True)


def remember(root: Path, target: Path, digest: str, lines: list[str]) -> None:
    """After a publish committed: the record of what is now on disk (written atomically)."""
    path = record_path(root, target)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"format": FORMAT, "digest": digest, "lines": lines, "files": published_files(target)}
    write_atomically(path, (json.dumps(body, sort_keys=True) + "\n").encode("utf-8"))
