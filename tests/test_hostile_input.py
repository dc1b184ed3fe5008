"""Hostile and broken inputs: each is refused with its named error, one line naming file, item, field and fix, a
non-zero exit code, no traceback, and data/ byte-identical to before."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.build import build
from scripts.core import errors

from .conftest import tree_digest
from .hostile import CASES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_is_refused_cleanly(repo, case):
    case.apply(repo)
    before = tree_digest(repo)
    with pytest.raises(errors.BuildError) as caught:
        build(repo, out=lambda line: None)
    assert type(caught.value).__name__ == case.error, str(caught.value)
    message = str(caught.value)
    assert "Fix:" in message and "\n" not in message
    for word in case.words:
        assert word in message, message
    assert tree_digest(repo) == before


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in CASES
        if c.name in ("article-utf-16", "yaml-billion-laughs", "yaml-object-tag", "article-linked-outside")
    ],
    ids=lambda case: case.name,
)
def test_command_line_answers_hostile_input_with_one_line_and_non_zero_exit(repo, case):
    case.apply(repo)
    before = tree_digest(repo)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--root", str(repo)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"error: {case.error}: ")
    assert tree_digest(repo) == before
