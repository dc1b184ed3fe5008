"""The staged rows of each article, cached in .build-cache/ and keyed by the hashes of everything they depend on: the
article's folder (article.txt, metadata.yaml, annotations.yaml), the shared registries (actors, reference tables,
vocabularies), the schemas, the code that stages (scripts/core, load and stage: a change to the site's code does not
stage a thousand articles again), and the drafts policy. A changed input invalidates the entry; an entry whose own
checksum does not match its content is discarded and the article staged again."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import stat
from pathlib import Path

from ..core.repo import ACTORS, REFERENCE, SCHEMAS, VOCABULARIES
from ..load.source import SOURCE_FILES
from .article import StagedArticle

CACHE = ".build-cache"
FORMAT = "staged-article 2"
CODE = Path(__file__).resolve().parent.parent  # scripts/: its code is part of every key


def tree_hash(paths: list[Path], base: Path) -> str:
    """SHA-256 over the names and bytes of regular files (in name order)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def files_under(folder: Path, pattern: str) -> list[Path]:
    return [p for p in folder.rglob(pattern) if p.is_file() and not p.is_symlink() and "__pycache__" not in p.parts]


STAGING_CODE = ("__init__.py", "core", "load", "stage")  # what staging an article runs (a test checks the imports)


@functools.lru_cache(maxsize=8)
def code_hash(*parts: str) -> str:
    """SHA-256 of the Python files of scripts/ (or of the named files and folders of it)."""
    paths = [CODE / part for part in parts] or [CODE]
    files = [p for path in paths for p in ([path] if path.is_file() else files_under(path, "*.py"))]
    return tree_hash(files, CODE)


def shared_fingerprint(root: Path, allow_drafts: bool) -> str:
    """What every article's rows depend on besides its own folder."""
    shared = (
        [root / ACTORS]
        + files_under(root / REFERENCE, "*")
        + files_under(root / VOCABULARIES, "*")
        + files_under(root / SCHEMAS, "*.json")
    )
    digest = hashlib.sha256(f"{FORMAT}\0{code_hash(*STAGING_CODE)}\0{allow_drafts}\0".encode())
    digest.update(tree_hash([p for p in shared if p.is_file()], root).encode())
    return digest.hexdigest()


def article_key(folder: Path, shared: str) -> str | None:
    """The cache key of one source folder, or None when one of its files is not a plain regular file (the build's
    loader then names the problem)."""
    digest = hashlib.sha256(f"{shared}\0{folder.name}\0".encode())
    for name in SOURCE_FILES:
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return None
        if not stat.S_ISREG(mode):
            return None
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_entry(root: Path, key: str) -> StagedArticle | None:
    """The cached staging of an article, or None when there is none or it is damaged (then it is removed)."""
    path = root / CACHE / f"{key}.json"
    try:
        checksum, _, body = path.read_bytes().partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            raise ValueError("checksum")
        data = json.loads(body, object_hook=decode)
        return StagedArticle(data["source_id"], root / data["file"], data["text"], data["rows"], data["drafted"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)
        return None


def store_entry(root: Path, key: str, staged: StagedArticle) -> None:
    """Write an entry atomically (a killed build leaves no half entry behind)."""
    folder = root / CACHE
    folder.mkdir(exist_ok=True)
    body = json.dumps(
        {
            "source_id": staged.source_id,
            "file": staged.file.relative_to(root).as_posix(),
            "text": staged.text,
            "rows": staged.rows,
            "drafted": staged.drafted,
        },
        default=encode,
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    temporary = folder / f".{key}.{os.getpid()}.tmp"
    temporary.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    os.replace(temporary, folder / f"{key}.json")


def prune(root: Path, keep: set[str]) -> None:
    """Remove the entries that no source folder of this build uses any more."""
    folder = root / CACHE
    if folder.is_dir():
        for path in folder.iterdir():
            if path.suffix == ".json" and path.stem not in keep or path.suffix == ".tmp":
                path.unlink(missing_ok=True)


def encode(value: object) -> object:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def decode(data: dict) -> object:
    return dt.date.fromisoformat(data["$date"]) if data.keys() == {"$date"} else data
