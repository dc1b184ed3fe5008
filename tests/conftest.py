"""Fixtures: the repository, copies of it to build or break, and the article."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

from scripts.build import build

from .hostile import copy_repo

ROOT = Path(__file__).resolve().parent.parent
SEED = "blinken-astana-2023-02-28"


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every published file (data/ and datapackage.json)."""
    files = sorted((root / "data").rglob("*")) + [root / "datapackage.json"]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory) -> Path:
    """A copy of the repository, rebuilt from its sources."""
    root = copy_repo(tmp_path_factory.mktemp("rebuilt") / "repo")
    build(root, out=lambda line: None)
    return root


@pytest.fixture(scope="session")
def article_text() -> str:
    return (ROOT / "sources" / "articles" / SEED / "article.txt").read_text(encoding="utf-8")


# Property tests draw the same examples on every run (CI stays reproducible);
# `HYPOTHESIS_PROFILE=explore make test` draws new ones.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
