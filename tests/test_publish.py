"""Publishing never leaves a half-written package: killed builds, concurrent builds, failed validation."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.build import build
from scripts.core import errors
from scripts.publish.journal import FAILPOINTS, JOURNAL, PREVIOUS, STAGING, build_lock, roll_forward

from .conftest import SEED, copy_repo, tree_digest

ANN = f"sources/articles/{SEED}/annotations.yaml"
CHANGE = (
    "summary: Blinken makes his first visit to Kazakhstan as Secretary of State.",
    "summary: Blinken makes his first visit to Kazakhstan as US Secretary of State.",
)


def changed_copy(target: Path) -> Path:
    """A copy whose sources differ from its published package (the next build replaces every file)."""
    root = copy_repo(target)
    path = root / ANN
    path.write_text(path.read_text(encoding="utf-8").replace(*CHANGE), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> tuple[dict, dict]:
    """The package before and after the change."""
    root = changed_copy(tmp_path_factory.mktemp("expected") / "repo")
    old = tree_digest(root)
    build(root, out=lambda line: None)
    new = tree_digest(root)
    assert old != new
    return old, new


def run_build(root: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.build", "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("point", FAILPOINTS)
def test_build_killed_at_each_step_of_publish_leaves_old_or_new_or_a_journal_that_finishes_it(tmp_path, states, point):
    old, new = states
    root = changed_copy(tmp_path / "repo")
    process = run_build(root, {"PUBLISH_FAILPOINT": point})
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    if not (root / JOURNAL).exists():
        assert tree_digest(root) in (old, new)
        assert point in ("staged", "validated")  # before the journal, nothing was touched
        assert tree_digest(root) == old
    else:
        assert roll_forward(root) is True
        assert tree_digest(root) == new
    assert not (root / JOURNAL).exists() or roll_forward(root)
    build(root, out=lambda line: None)  # the next build works and cleans up
    assert tree_digest(root) == new
    assert not any((root / name).exists() for name in (STAGING, PREVIOUS, JOURNAL))


def test_build_killed_at_random_moments_never_leaves_a_mix(tmp_path, states):
    old, new = states
    for number, delay in enumerate((0.2, 0.5, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.5, 3.0)):
        root = changed_copy(tmp_path / f"repo{number}")
        process = run_build(root)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=120)
        if (root / JOURNAL).exists():
            roll_forward(root)
            assert tree_digest(root) == new, delay
        else:
            assert tree_digest(root) in (old, new), delay


def test_second_build_while_one_runs_is_refused_and_changes_nothing(tmp_path, states):
    old, _ = states
    root = changed_copy(tmp_path / "repo")
    with build_lock(root):
        result = run_build(root)
        _, stderr = result.communicate(timeout=120)
        assert result.returncode == 1 and stderr.startswith("error: BuildLocked:") and "pid" in stderr
        with pytest.raises(errors.BuildLocked):
            build(root, out=lambda line: None)
    assert tree_digest(root) == old


def test_two_builds_started_together_publish_one_whole_package(tmp_path, states):
    _, new = states
    root = changed_copy(tmp_path / "repo")
    processes = [run_build(root) for _ in range(3)]
    results = [(p.wait(timeout=180), p.stderr.read()) for p in processes]
    assert any(code == 0 for code, _ in results)
    assert all(code == 0 or err.startswith("error: BuildLocked:") for code, err in results), results
    assert tree_digest(root) == new
