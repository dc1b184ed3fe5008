"""Publishing never leaves a half-written package. The journal's swap is tested on a small staged package written
here: killed at each step, staging copies that do not match their journal, a filesystem that refuses (EXDEV, ENOSPC,
read-only), linked build folders, a README without its markers. End to end, real builds are killed between the
renames and at a random moment, refused while another runs, and started three at once."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
from collections import namedtuple
from pathlib import Path

import pytest

from scripts import build as build_module
from scripts.build import build, main
from scripts.core import errors
from scripts.core.registry import TABLES
from scripts.publish import journal, staging
from scripts.publish.journal import (
    FAILPOINTS,
    JOURNAL,
    LOCK,
    PREVIOUS,
    STAGING,
    UNDO_FAILPOINTS,
    build_lock,
    commit,
    journal_record,
    open_lock,
    read_journal,
    roll_forward,
    undo,
    write_journal,
)
from scripts.publish.readme import END, START, stage_readme

from .conftest import ROOT, SEED, copy_repo, tree_digest
from .package_checks import published

OLD = {"data/a.csv": b"id\r\n1\r\n", "data/sub/b.txt": b"old b\n", "data/gone.txt": b"only in the old package\n"}
NEW = {"data/a.csv": b"id\r\n1\r\n2\r\n", "data/sub/b.txt": b"new b\n", "data/c.parquet": b"PAR1\x00\x01PAR1"}
README_OLD = f"# Test\n\n{START}\nold dictionary\n{END}\n"
README_NEW = f"# Test\n\n{START}\nnew dictionary\n{END}\n"
LEFTOVERS = (STAGING, PREVIOUS, JOURNAL, JOURNAL + ".tmp")
COMMIT = (
    "import sys; from pathlib import Path; from scripts.publish.journal import commit, failpoint; "
    "failpoint('staged'); failpoint('validated'); print(commit(Path(sys.argv[1])))"
)
ROLL = (
    "import sys; from pathlib import Path; from scripts.publish.journal import roll_forward; "
    "roll_forward(Path(sys.argv[1]))"
)


# ---------------------------------------------------------------- a small package, staged by the test


def descriptor(files: dict[str, bytes]) -> bytes:
    """A datapackage.json that records each CSV's size and SHA-256, as the build's does."""
    resources = [
        {"name": Path(rel).stem, "path": rel, "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        for rel, data in files.items()
        if rel.endswith(".csv")
    ]
    return json.dumps({"name": "test", "resources": resources}, indent=2).encode() + b"\n"


def package(files: dict[str, bytes], readme: str) -> dict[str, bytes]:
    """Every file of a package: its data files, their descriptor and a README."""
    return {**files, "datapackage.json": descriptor(files), "README.md": readme.encode()}


def write(folder: Path, files: dict[str, bytes]) -> None:
    """Write the files below folder."""
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def digest(files: dict[str, bytes]) -> dict[str, str]:
    """SHA-256 of each file's bytes."""
    return {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}


def state(root: Path) -> dict[str, str]:
    """SHA-256 of every published file: data/, datapackage.json and README.md."""
    return {**tree_digest(root), **digest({"README.md": (root / "README.md").read_bytes()})}


OLD_STATE, NEW_STATE = digest(package(OLD, README_OLD)), digest(package(NEW, README_NEW))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository root with the old package published and the new one staged in .build-staging/."""
    folder = tmp_path / "root"
    write(folder, package(OLD, README_OLD))
    write(folder / STAGING, package(NEW, README_NEW))
    return folder


def clean(root: Path) -> bool:
    """Nothing of a publish is left: no staging copy, previous copy or journal."""
    return not any(os.path.lexists(root / name) for name in LEFTOVERS)


def killed(root: Path, point: str, script: str = COMMIT) -> subprocess.CompletedProcess:
    """Run commit (or roll_forward) in a child process that kills itself with SIGKILL at the failpoint; before
    commit, the script passes the build's two failpoints before the journal ('staged', 'validated')."""
    return subprocess.run(
        [sys.executable, "-c", script, str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, journal.FAILPOINT_VARIABLE: point},
        timeout=60,
    )


def journal_only(root: Path) -> None:
    """The journal of the staged package written, nothing moved yet (commit up to 'journal-written')."""
    write_journal(root, journal_record(root))


# ---------------------------------------------------------------- the swap


def test_commit_publishes_the_staged_package_and_says_what_changed(root):
    line = commit(root)
    assert state(root) == NEW_STATE and clean(root)
    assert line == (
        "published data/ and datapackage.json: 4 files, 4 new or changed, 1 removed; "
        "README.md's data dictionary regenerated"
    )
    assert roll_forward(root) is None


def test_journal_records_every_staged_file_with_its_size_and_sha256(root):
    journal_only(root)
    record = read_journal(root)
    staged = package(NEW, README_NEW)
    assert record["files"] == {
        rel: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()} for rel, data in staged.items()
    }
    assert record["descriptor_sha256"] == hashlib.sha256(staged["datapackage.json"]).hexdigest()
    assert record["entries"] == ["data", "datapackage.json", "README.md"] and state(root) == OLD_STATE


@pytest.mark.parametrize("point", FAILPOINTS)
def test_killed_at_each_step_the_old_and_the_new_package_can_both_be_recovered(tmp_path, root, point):
    result = killed(root, point)
    assert result.returncode == -signal.SIGKILL, result.stderr
    if not (root / JOURNAL).exists():
        assert state(root) == (OLD_STATE if point in ("staged", "validated") else NEW_STATE)
        staging.prepare(root)  # the next build removes the leftovers
        assert clean(root)
        return
    other = Path(shutil.copytree(root, tmp_path / "other", symlinks=True))
    undo(other, read_journal(other), "the test undoes it")
    assert state(other) == OLD_STATE and clean(other)
    outcome = roll_forward(root)
    assert outcome.published and outcome.message.startswith("finished a publish that an earlier build started")
    assert state(root) == NEW_STATE and clean(root)
    assert roll_forward(root) is None


@pytest.mark.parametrize("point", UNDO_FAILPOINTS)
def test_an_undo_killed_at_each_step_is_finished_by_the_next_roll_forward(root, point):
    assert killed(root, "readme-replaced").returncode == -signal.SIGKILL  # every entry swapped, journal kept
    (root / "data/a.csv").write_bytes(b"id\r\n1\r\n3\r\n")  # the new package no longer matches
    assert killed(root, point, ROLL).returncode == -signal.SIGKILL
    if (root / JOURNAL).exists():
        outcome = roll_forward(root)
        assert not outcome.published and "data/a.csv" in outcome.message
    assert state(root) == OLD_STATE
    staging.prepare(root)
    assert clean(root)


def tamper_missing(root: Path) -> None:
    (root / STAGING / "data/sub/b.txt").unlink()


def tamper_byte(root: Path) -> None:
    path = root / STAGING / "data/a.csv"
    data = bytearray(path.read_bytes())
    data[0] ^= 1
    path.write_bytes(bytes(data))


def tamper_size(root: Path) -> None:
    with open(root / STAGING / "data/c.parquet", "ab") as handle:
        handle.write(b"!")


def tamper_extra(root: Path) -> None:
    (root / STAGING / "data/extra.csv").write_bytes(b"id\r\n")


def tamper_extra_top(root: Path) -> None:
    (root / STAGING / "notes.txt").write_bytes(b"not part of the package\n")


def tamper_link(root: Path) -> None:
    path = root / STAGING / "data/sub/b.txt"
    (root / "b-elsewhere.txt").write_bytes(b"new b\n")
    path.unlink()
    path.symlink_to(root / "b-elsewhere.txt")


def tamper_journal(root: Path) -> None:
    (root / JOURNAL).write_text('{"version": 2, "entries": ["data"', encoding="utf-8")


TAMPER = {
    "one-file-missing": (tamper_missing, "data/sub/b.txt is missing"),
    "one-byte-changed": (tamper_byte, "data/a.csv differs from the journal's SHA-256"),
    "size-changed": (tamper_size, "data/c.parquet has 11 bytes, the journal says 10"),
    "extra-file": (tamper_extra, "data/extra.csv is not in the journal"),
    "extra-entry": (tamper_extra_top, "notes.txt is not in the journal"),
    "file-became-a-link": (tamper_link, "data/sub/b.txt is not a regular file"),
    "journal-damaged": (tamper_journal, f"{JOURNAL} cannot be read"),
}


@pytest.mark.parametrize("case", TAMPER, ids=list(TAMPER))
def test_a_staging_copy_that_differs_from_its_journal_is_discarded_and_data_kept(root, case):
    tamper, words = TAMPER[case]
    journal_only(root)
    tamper(root)
    outcome = roll_forward(root)
    assert not outcome.published and outcome.message.startswith("discarded an incomplete publish: ")
    assert words in outcome.message and "as they were before it" in outcome.message
    assert state(root) == OLD_STATE and clean(root)


def test_a_new_file_changed_after_the_first_rename_puts_the_old_package_back(root):
    assert killed(root, "data-replaced").returncode == -signal.SIGKILL  # data/ new, datapackage.json old
    assert state(root)["datapackage.json"] == OLD_STATE["datapackage.json"]
    (root / "data/sub/b.txt").write_bytes(b"edited\n")
    outcome = roll_forward(root)
    assert not outcome.published and "data/sub/b.txt" in outcome.message
    assert state(root) == OLD_STATE and clean(root)


def test_a_descriptor_that_disagrees_with_a_staged_file_is_refused_before_the_journal(root):
    (root / STAGING / "data/a.csv").write_bytes(b"id\r\n9\r\n9\r\n")
    with pytest.raises(errors.ValidationFailed, match="data/a.csv differs from the size or SHA-256"):
        commit(root)
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


# ---------------------------------------------------------------- a filesystem that refuses


def failing_replace(code: int, source_name: str | None = None):
    """os.replace raising OSError(code) for every move, or only for moves of a path with this name."""
    real = os.replace

    def replace(source, target, *args, **kwargs):
        if source_name is None or Path(source).name == source_name and STAGING in str(source):
            raise OSError(code, os.strerror(code), str(source))
        return real(source, target, *args, **kwargs)

    return replace


def test_exdev_on_every_rename_gives_not_same_filesystem_and_moves_nothing(root, monkeypatch):
    monkeypatch.setattr(os, "replace", failing_replace(errno.EXDEV))
    with pytest.raises(errors.NotSameFilesystem, match="Invalid cross-device link.*Fix: keep data/"):
        commit(root)
    monkeypatch.undo()
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


@pytest.mark.parametrize(
    "name, code, error",
    [
        ("data", errno.EXDEV, errors.NotSameFilesystem),
        ("datapackage.json", errno.EACCES, errors.NotWritable),
        ("README.md", errno.EBUSY, errors.PublishFailed),
    ],
)
def test_a_rename_refused_during_the_swap_puts_the_old_package_back(root, monkeypatch, name, code, error):
    monkeypatch.setattr(os, "replace", failing_replace(code, name))
    with pytest.raises(error, match=f"{STAGING}/{name}: publish: {errno.errorcode[code]}:") as caught:
        commit(root)
    assert not hasattr(caught.value, "outcome")  # the default line is true: nothing was published
    monkeypatch.undo()
    assert state(root) == OLD_STATE and clean(root)


def test_a_swap_that_can_be_neither_finished_nor_undone_says_so_and_keeps_the_journal(root, monkeypatch):
    real = os.replace

    def replace(source, target, *args, **kwargs):
        if Path(source).name == "datapackage.json" and Path(source).parent.name in (STAGING, PREVIOUS):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(source))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(errors.PublishFailed) as caught:
        commit(root)
    assert f"{JOURNAL} remains" in caught.value.outcome and (root / JOURNAL).exists()
    monkeypatch.undo()
    outcome = roll_forward(root)  # the next build: the journal was marked, so it undoes
    assert not outcome.published and "the swap stopped: Device or resource busy" in outcome.message
    assert state(root) == OLD_STATE and clean(root)


def test_staging_on_another_filesystem_is_refused_before_anything_moves(root, monkeypatch):
    real = journal.device
    monkeypatch.setattr(
        journal, "device", lambda path: real(path) + (Path(path).name == "data" and Path(path).parent == root)
    )
    with pytest.raises(errors.NotSameFilesystem) as caught:
        commit(root)
    assert str(root / "data") in str(caught.value) and "nothing was moved" in str(caught.value)
    assert "Fix: keep data/" in str(caught.value)
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


def test_no_space_is_refused_by_name_before_the_journal(root, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 0))
    with pytest.raises(errors.NoSpace, match="0 bytes are free.*Fix: free at least"):
        commit(root)
    with pytest.raises(errors.NoSpace):
        staging.prepare(root)
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


def test_disk_full_while_staging_gives_no_space_and_leaves_nothing_behind(repo, monkeypatch):
    before = tree_digest(repo)

    def full(root, folder, *rest, **options):
        folder.mkdir()
        (folder / "half-written.csv").write_bytes(b"id\r\n")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / "half-written.csv"))

    monkeypatch.setattr(staging, "write_staging", full)
    with pytest.raises(errors.NoSpace, match="half-written.csv: publish: ENOSPC: No space left on device"):
        staging.publish_package(repo, {name: [] for name in TABLES}, [], {}, [])
    assert tree_digest(repo) == before and clean(repo)


def test_read_only_data_is_refused_with_not_writable(root, monkeypatch):
    (root / "data").chmod(0o555)
    real = os.access  # root may write anyway: the check is made to see what a normal user would
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != root / "data" and real(path, mode, **kw))
    try:
        with pytest.raises(errors.NotWritable, match=r"data: publish: permissions: .*Fix: make it writable"):
            commit(root)
    finally:
        (root / "data").chmod(0o755)
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


def test_a_write_probe_that_fails_gives_not_writable(root, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(root))

    monkeypatch.setattr(journal.tempfile, "mkstemp", refuse)
    with pytest.raises(errors.NotWritable, match="EROFS: Read-only file system"):
        commit(root)
    assert state(root) == OLD_STATE and not (root / JOURNAL).exists()


# ---------------------------------------------------------------- links and markers


@pytest.mark.parametrize("name", [LOCK, JOURNAL, STAGING, PREVIOUS])
def test_a_linked_lock_journal_or_copy_folder_is_refused_and_its_target_untouched(tmp_path, root, name):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("keep\n", encoding="utf-8")
    if name == STAGING:
        shutil.rmtree(root / STAGING)
    os.symlink(target, root / name)
    calls = (
        [lambda: build_lock(root).__enter__()]
        if name == LOCK
        else [lambda: roll_forward(root), lambda: commit(root), lambda: staging.prepare(root)]
    )
    for call in calls:
        with pytest.raises(errors.UnsafePath, match=f"{name}: publish: -: is a symbolic link"):
            call()
    assert sorted(os.listdir(target)) == ["keep.txt"] and state(root) == OLD_STATE


def test_the_lock_is_opened_without_following_a_link(tmp_path):
    (tmp_path / "target").write_text("", encoding="utf-8")
    os.symlink(tmp_path / "target", tmp_path / LOCK)
    with pytest.raises(errors.UnsafePath):
        open_lock(tmp_path / LOCK)  # O_NOFOLLOW, even past the check for a link
    assert (tmp_path / "target").read_text(encoding="utf-8") == ""


def test_a_readme_without_its_markers_fails_before_anything_is_published(repo):
    before = tree_digest(repo), (repo / "README.md").read_bytes()
    text = before[1].decode("utf-8")
    (repo / "README.md").write_text(text.replace(END, ""), encoding="utf-8")
    with pytest.raises(errors.MissingMarker, match=r"README.md: generated block: marker: .*Fix: put the line back"):
        staging.publish_package(repo, published(repo), [], {}, [])
    assert tree_digest(repo) == before[0] and clean(repo)


def test_readme_is_staged_only_when_its_generated_blocks_change(repo):
    tables = published(repo)
    assert stage_readme(repo, repo / STAGING, tables) is False and not (repo / STAGING).exists()
    text = (repo / "README.md").read_text(encoding="utf-8")
    (repo / "README.md").write_text(text.replace(START + "\n", START + "\nstale\n"), encoding="utf-8")
    assert stage_readme(repo, repo / STAGING, tables) is True
    assert (repo / STAGING / "README.md").read_text(encoding="utf-8") == text


def republish_current(repo: Path) -> None:
    """A journal for a staging copy of the repository's own package, as a build killed after it would leave."""
    shutil.copytree(repo / "data", repo / STAGING / "data")
    shutil.copy2(repo / "datapackage.json", repo / STAGING / "datapackage.json")
    journal_only(repo)


@pytest.mark.parametrize("finished", [True, False], ids=["finished", "discarded"])
def test_build_reports_the_earlier_publish_truthfully_even_when_it_then_fails(repo, monkeypatch, finished):
    republish_current(repo)
    if not finished:
        (repo / STAGING / "data/votes.csv").unlink()
    lines = []

    def refuse(*args):
        raise errors.UnknownCode("annotations.yaml", "events", "cameo", "'999' is unknown.", "use a known code.")

    monkeypatch.setattr(build_module, "run_stages", refuse)
    with pytest.raises(errors.UnknownCode) as caught:
        build(repo, out=lines.append)
    if finished:
        assert lines[0].startswith("finished a publish that an earlier build started: its ")
        assert caught.value.outcome.startswith("nothing new was published: data/ and datapackage.json are the package")
    else:
        assert lines[0].startswith("discarded an incomplete publish: data/votes.csv is missing; data/ and ")
        assert not hasattr(caught.value, "outcome")  # main's default line, "nothing was published", is true
    assert clean(repo)


# ---------------------------------------------------------------- real builds

ANN = f"sources/articles/{SEED}/annotations.yaml"
CHANGE = (
    "summary: Blinken makes his first visit to Kazakhstan as Secretary of State.",
    "summary: Blinken makes his first visit to Kazakhstan as US Secretary of State.",
)


def changed_copy(target: Path) -> Path:
    """A copy whose sources differ from its published package (the next build replaces some files)."""
    root = copy_repo(target)
    path = root / ANN
    path.write_text(path.read_text(encoding="utf-8").replace(*CHANGE), encoding="utf-8")
    return root


def run_build(root: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.build", "--root", str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    """Real builds of changed copies, all started at once: one killed between the renames, one killed at a random
    moment, three on the same copy; meanwhile the expected package is built here."""
    base = tmp_path_factory.mktemp("builds")
    roots = {name: changed_copy(base / name) for name in ("between", "moment", "together", "expected")}
    delay = random.uniform(0.5, 6.0)
    between = run_build(roots["between"], {journal.FAILPOINT_VARIABLE: "data-replaced"})
    moment = run_build(roots["moment"])
    together = [run_build(roots["together"]) for _ in range(3)]
    timer = threading.Timer(delay, moment.send_signal, [signal.SIGKILL])
    timer.start()
    old = tree_digest(roots["expected"])
    build(roots["expected"], out=lambda line: None)
    results = {
        name: [(p.communicate(timeout=180)[1], p.returncode) for p in processes]
        for name, processes in (("between", [between]), ("moment", [moment]), ("together", together))
    }
    timer.join()
    return {"old": old, "new": tree_digest(roots["expected"]), "roots": roots, "results": results, "delay": delay}


def test_real_build_killed_between_the_renames_is_finished_by_the_next(builds):
    root = builds["roots"]["between"]
    assert builds["results"]["between"][0][1] == -signal.SIGKILL and (root / JOURNAL).exists()
    assert not (root / STAGING / "data").exists() and (root / STAGING / "datapackage.json").exists()
    assert roll_forward(root).published
    assert tree_digest(root) == builds["new"] != builds["old"] and clean(root)


def test_real_build_killed_at_a_random_moment_leaves_the_old_or_the_new_package(builds):
    root, delay = builds["roots"]["moment"], builds["delay"]
    if (root / JOURNAL).exists():
        assert roll_forward(root).published, delay
    assert tree_digest(root) in (builds["old"], builds["new"]), delay
    staging.prepare(root)
    assert clean(root), delay


def test_three_builds_started_together_publish_one_whole_package(builds):
    results = builds["results"]["together"]
    assert any(code == 0 for _, code in results)
    assert all(code == 0 or err.startswith("error: BuildLocked:") for err, code in results), results
    assert tree_digest(builds["roots"]["together"]) == builds["new"] and clean(builds["roots"]["together"])


def test_second_build_while_one_runs_is_refused_and_changes_nothing(repo, capsys):
    old = tree_digest(repo)
    with build_lock(repo):  # another open file of the lock: refused as another process would be
        assert main(["--root", str(repo)]) == 1
        stderr = capsys.readouterr().err
        assert stderr.startswith("error: BuildLocked:") and "pid" in stderr
        assert stderr.endswith("nothing was published: data/ and datapackage.json are unchanged.\n")
        with pytest.raises(errors.BuildLocked):
            build(repo, out=lambda line: None)
    assert tree_digest(repo) == old
