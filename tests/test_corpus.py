"""Staging scales with the change, not the corpus: each article's rows are cached by the hashes of its inputs and
restaged only when they change; articles stage in parallel; the output is the same bytes whatever the route."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.build import build
from scripts.load.source import source_folders
from scripts.stage.cache import CACHE
from scripts.stage.corpus import stage_corpus, stage_folder
from scripts.tools.corpus import generate

from .conftest import tree_digest
from .hostile import copy_repo


def staged_line(root: Path, **options) -> str:
    lines: list[str] = []
    build(root, out=lines.append, **options)
    return next(line for line in lines if line.startswith("staged "))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("corpus") / "repo")
    generate(root, 5)
    return root


def test_a_rebuild_restages_only_the_article_that_changed(corpus):
    staged_line(corpus)
    assert staged_line(corpus) == "staged 6 article(s): 0 afresh, 6 from the cache"
    path = corpus / "sources/articles/gen-00002/annotations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reason: ", "reason: (edited) ", 1), encoding="utf-8")
    assert staged_line(corpus) == "staged 6 article(s): 1 afresh, 5 from the cache"


def test_a_changed_registry_or_schema_restages_every_article(corpus):
    staged_line(corpus)
    path = corpus / "sources/reference/key_dates.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert staged_line(corpus) == "staged 6 article(s): 6 afresh, 0 from the cache"


def test_a_corrupt_cache_entry_is_staged_again_not_published(corpus):
    staged_line(corpus)
    before = tree_digest(corpus)
    entries = sorted((corpus / CACHE).glob("*.json"))
    damaged = bytearray(entries[0].read_bytes())
    damaged[len(damaged) // 2] ^= 0x01  # one bit flipped inside the cached rows
    entries[0].write_bytes(bytes(damaged))
    entries[1].write_bytes(b"not json at all")
    assert staged_line(corpus) == "staged 6 article(s): 2 afresh, 4 from the cache"
    assert tree_digest(corpus) == before


def test_the_same_bytes_whatever_the_jobs_and_the_cache(tmp_path, corpus):
    digests = []
    for jobs, cold in ((1, True), (2, True), (2, False), (1, False)):
        if cold:
            shutil.rmtree(corpus / CACHE, ignore_errors=True)
        build(corpus, out=lambda line: None, jobs=jobs)
        digests.append(tree_digest(corpus))
    assert all(digest == digests[0] for digest in digests)


def test_an_error_in_a_parallel_worker_is_the_named_error_of_the_first_failing_article(corpus):
    from scripts.core.errors import EvidenceNotFound

    path = corpus / "sources/articles/gen-00003/annotations.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("evidence: met ", "evidence: greeted ", 1), encoding="utf-8")
        with pytest.raises(EvidenceNotFound, match="gen-00003"):
            stage_corpus(source_folders(corpus), corpus, jobs=2, cache=False)
    finally:
        path.write_text(original, encoding="utf-8")


def test_the_staging_step_runs_on_dask_with_the_same_rows(corpus):
    bag = pytest.importorskip("dask.bag")
    folders = source_folders(corpus)
    serial, _ = stage_corpus(folders, corpus, cache=False)
    through_dask = (
        bag.from_sequence(folders, npartitions=2)
        .map(stage_folder, root=corpus)
        .compute(scheduler="processes", num_workers=2)
    )
    assert [a.rows for a in through_dask] == [a.rows for a in serial]


def test_a_rebuild_after_a_change_is_the_build_from_nothing(tmp_path):
    """What a rebuild takes from the package it replaces (site pages, Parquet files, workbook sheets, or the whole
    package when nothing changed) gives the bytes of a build without any of it."""
    root = copy_repo(tmp_path / "repo")
    generate(root, 3)
    build(root, out=lambda line: None)
    path = root / "sources/articles/gen-00001/annotations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  summary: ", "  summary: Edited - ", 1), "utf-8")
    lines: list[str] = []
    build(root, out=lines.append)
    assert any(line.startswith("against the published package: events: 0 added, 1 changed") for line in lines)
    again: list[str] = []
    build(root, out=again.append)
    assert "nothing written" in again[-1]
    rebuilt = tree_digest(root)
    for leftover in (CACHE, "data", "datapackage.json"):
        (shutil.rmtree if (root / leftover).is_dir() else Path.unlink)(root / leftover)
    build(root, out=lambda line: None)
    assert tree_digest(root) == rebuilt


def test_the_build_after_one_that_added_an_article_writes_nothing(tmp_path):
    """Adding an article changes README.md's generated blocks with the package; the record of that publish is of the
    README as published, so the next build finds nothing to write."""
    root = copy_repo(tmp_path / "repo")
    generate(root, 2)
    build(root, out=lambda line: None)
    readme = (root / "README.md").read_bytes()
    generate(root, 1, seed=1, start=50)
    build(root, out=lambda line: None)
    assert (root / "README.md").read_bytes() != readme  # the counts changed
    again: list[str] = []
    build(root, out=again.append)
    assert "nothing written" in again[-1]
