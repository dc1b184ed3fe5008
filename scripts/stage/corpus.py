"""Every article staged: a parallel map of the pure per-article step (scripts/stage/article.py) over the source
folders, each result taken from the cache when its inputs are unchanged (scripts/stage/cache.py).

`stage_folder(folder, root, allow_drafts)` is the unit of work: a plain function of a path and two values that loads
the shared registries once per process. The build maps it with a process pool (`--jobs N`); any engine that maps a
function over a list can run it instead (tests/test_corpus.py runs it through Dask's local scheduler)."""

from __future__ import annotations

import functools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..load.registries import Registries, load_registries
from .article import Reference, StagedArticle, stage_article, stage_reference
from .cache import article_key, load_entry, prune, shared_fingerprint, store_entry


@functools.lru_cache(maxsize=2)
def shared(root: Path, fingerprint: str) -> tuple[Registries, Reference]:
    """The registries and reference rows, loaded once per process (and again when they change)."""
    registries = load_registries(root)
    return registries, stage_reference(registries)


def stage_folder(folder: Path, root: Path, allow_drafts: bool = False, fingerprint: str | None = None) -> StagedArticle:
    """Stage one source folder against the registries of its repository (loaded once per process; `fingerprint`,
    the hash of the shared inputs, says when to load them again)."""
    registries, reference = shared(root, fingerprint or shared_fingerprint(root, allow_drafts))
    return stage_article(folder, registries, reference, root, allow_drafts)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def stage_corpus(
    folders: list[Path], root: Path, allow_drafts: bool = False, jobs: int = 1, cache: bool = True
) -> tuple[list[StagedArticle], int]:
    """Every folder staged, in folder order; returns them and how many were staged afresh (not from the cache)."""
    fingerprint = shared_fingerprint(root, allow_drafts)
    keys = {folder: article_key(folder, fingerprint) if cache else None for folder in folders}
    staged = {folder: load_entry(root, key) for folder, key in keys.items() if key}
    missing = [folder for folder in folders if staged.get(folder) is None]
    for folder, result in zip(missing, run(missing, root, allow_drafts, jobs, fingerprint)):
        staged[folder] = result
        if keys[folder]:
            store_entry(root, keys[folder], result)
    if cache:
        prune(root, {key for key in keys.values() if key})
    return [staged[folder] for folder in folders], len(missing)


def run(folders: list[Path], root: Path, allow_drafts: bool, jobs: int, fingerprint: str) -> list[StagedArticle]:
    """stage_folder over the folders: in this process, or in a pool of `jobs` processes (results in order; the
    first error raised is the one of the first failing folder)."""
    if jobs <= 1 or len(folders) < 2:
        return [stage_folder(folder, root, allow_drafts, fingerprint) for folder in folders]
    n = len(folders)
    with ProcessPoolExecutor(max_workers=min(jobs, n)) as pool:
        return list(
            pool.map(
                stage_folder,
                folders,
                [root] * n,
                [allow_drafts] * n,
                [fingerprint] * n,
                chunksize=max(1, n // (jobs * 4)),
            )
        )
