"""Bad input beyond the catalogue of tests/hostile.py (which tests/test_hostile_input.py runs, one case each): a fault
that only the written files reveal publishes nothing, and the build command, run as a real process, answers bad input
with one error line and a non-zero exit code."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.build import build
from scripts.core import errors

from .conftest import ROOT, tree_digest
from .hostile import CASES


def test_validation_failing_after_the_tables_are_written_publishes_nothing(repo):
    """The build does not check QIDs itself; the schema does, on the written files."""
    path = repo / "sources" / "reference" / "entities.csv"
    text = path.read_text(encoding="utf-8")
    assert ",Q61513," in text
    path.write_text(text.replace(",Q61513,", ",X61513,", 1), encoding="utf-8")
    before = tree_digest(repo)
    with pytest.raises(errors.ValidationFailed, match="actors"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before
    assert not (repo / ".build-staging").exists() and not (repo / ".publish-journal").exists()


def test_build_command_prints_one_error_line_naming_the_file_and_exits_non_zero(repo):
    next(case for case in CASES if case.name == "unknown-cameo").apply(repo)
    before = tree_digest(repo)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--root", str(repo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: UnknownCode:") and "annotations.yaml" in first and "Fix:" in first
    assert tree_digest(repo) == before
