"""Reliability report: attack copies of the repository and count what happened.

    python -m scripts.reliability [--damaged 60] [--seed 1]

Runs, each on a fresh copy, through the command line (`python -m scripts.build --root COPY`):
- every hostile input of scripts/hostile.py: it must be refused with its named error, one line, exit code 1;
- randomly damaged annotation files (a character inserted, deleted or replaced at a random place);
- a build killed with SIGKILL at every step of publishing (scripts/package.py FAILPOINTS);
- three builds started at once.
Prints the counts: inputs tried, refused by name, tracebacks, partial writes. Asserts nothing and times nothing."""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from .hostile import ANNOTATIONS, CASES, ROOT, copy_repo
from .package import FAILPOINTS, JOURNAL, roll_forward

def digest(root: Path) -> str:
    files = sorted((root / "data").rglob("*")) + [root / "datapackage.json"]
    h = hashlib.sha256()
    for path in files:
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def run_build(root: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.build", "--root", str(root)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, check=False)


def outcome(result: subprocess.CompletedProcess, before: str, after: str) -> str:
    if "Traceback" in result.stderr:
        return "traceback"
    if result.returncode == 0:
        return "published"
    if after != before:
        return "partial write"
    if result.returncode == 1 and result.stderr.startswith("error: ") and ": " in result.stderr:
        return "refused by name"
    return "other failure"


def hostile_cases(work: Path, counts: Counter, wrong: list[str]) -> None:
    for case in CASES:
        root = copy_repo(work / f"hostile-{case.name}")
        case.apply(root)
        before = digest(root)
        result = run_build(root)
        counts[outcome(result, before, digest(root))] += 1
        if not result.stderr.startswith(f"error: {case.error}: "):
            wrong.append(f"{case.name}: expected {case.error}, got {result.stderr.splitlines()[:1]}")
        shutil.rmtree(root)


def damaged_annotations(work: Path, number: int, seed: int, counts: Counter) -> None:
    rng = random.Random(seed)
    alphabet = list("\t\n :-&*!'\"{}[]#|>%@`\\\x00\ufeff") + ["!!python/object:os.system ", "*a", "&a "]
    for index in range(number):
        root = copy_repo(work / f"damaged-{index}")
        path = root / ANNOTATIONS
        text = path.read_text(encoding="utf-8")
        at = rng.randrange(len(text))
        action = rng.choice(["insert", "delete", "replace"])
        piece = rng.choice(alphabet)
        text = (text[:at] + piece + text[at:] if action == "insert" else
                text[:at] + text[at + rng.randint(1, 40):] if action == "delete" else
                text[:at] + piece + text[at + 1:])
        path.write_text(text, encoding="utf-8")
        before = digest(root)
        counts[outcome(run_build(root), before, digest(root))] += 1
        shutil.rmtree(root)


def killed_builds(work: Path, counts: Counter) -> None:
    for point in FAILPOINTS:
        root = copy_repo(work / f"killed-{point}")
        annotations = root / ANNOTATIONS
        annotations.write_text(annotations.read_text(encoding="utf-8").replace(
            "as Secretary of State.", "as US Secretary of State.", 1), encoding="utf-8")
        old = digest(root)
        expected_root = copy_repo(work / f"expected-{point}")
        shutil.copy2(annotations, expected_root / ANNOTATIONS)
        run_build(expected_root)
        new = digest(expected_root)
        result = run_build(root, {"PUBLISH_FAILPOINT": point})
        state = digest(root)
        if result.returncode != -signal.SIGKILL:
            counts["kill missed"] += 1
        elif (root / JOURNAL).exists():
            roll_forward(root)
            counts["killed, finished by the next build" if digest(root) == new else "partial write"] += 1
        else:
            counts["killed, old package intact" if state == old else
                   "killed, new package complete" if state == new else "partial write"] += 1
        shutil.rmtree(root)
        shutil.rmtree(expected_root)


def concurrent_builds(work: Path, counts: Counter) -> None:
    root = copy_repo(work / "concurrent")
    processes = [subprocess.Popen([sys.executable, "-m", "scripts.build", "--root", str(root)], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for process in processes:
        _, stderr = process.communicate()
        counts["concurrent: published" if process.returncode == 0 else
               "concurrent: refused (BuildLocked)" if stderr.startswith("error: BuildLocked") else "other failure"] += 1
    shutil.rmtree(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--damaged", type=int, default=60, help="number of randomly damaged annotation files")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random damage")
    args = parser.parse_args(argv)
    counts: Counter = Counter()
    wrong: list[str] = []
    with tempfile.TemporaryDirectory(prefix="reliability-") as temporary:
        work = Path(temporary)
        hostile_cases(work, counts, wrong)
        damaged_annotations(work, args.damaged, args.seed, counts)
        killed_builds(work, counts)
        concurrent_builds(work, counts)
    tried = len(CASES) + args.damaged
    print(f"hostile inputs tried: {tried} ({len(CASES)} catalogued in scripts/hostile.py, {args.damaged} randomly "
          f"damaged annotation files, seed {args.seed})")
    print(f"  refused by name: {counts['refused by name']}, published (damage was harmless): {counts['published']}")
    print(f"  catalogued inputs answered by another error than expected: {len(wrong)}")
    for line in wrong:
        print(f"    {line}")
    print(f"builds killed with SIGKILL at each of {len(FAILPOINTS)} publish steps: "
          f"old package intact {counts['killed, old package intact']}, new package complete "
          f"{counts['killed, new package complete']}, finished by the next build {counts['killed, finished by the next build']}"
          + (f", kill missed {counts['kill missed']}" if counts["kill missed"] else ""))
    print(f"three builds started at once: {counts['concurrent: published']} published, "
          f"{counts['concurrent: refused (BuildLocked)']} refused with BuildLocked")
    print(f"tracebacks: {counts['traceback']}")
    print(f"partial writes: {counts['partial write']}")
    print(f"other failures: {counts['other failure']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
