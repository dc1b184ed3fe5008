"""What is left to review: every machine-drafted item of every article, with the words it cites in context.

    python -m scripts.review [--root PATH]

Exits 0 when nothing is left to review (then `make build` publishes), 1 while drafted items remain."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import BuildError
from ..core.repo import ROOT
from ..load.review import Drafted, drafted_entries
from ..load.source import load_source, source_folders

CONTEXT = 60  # characters of the article shown on each side of the cited words


def in_context(text: str, cited: str) -> str:
    """The cited words marked «…» with some of the article around them (first occurrence), on one line."""
    at = text.find(cited)
    if at == -1:
        return f"«{cited}» (not in the article as written)"
    before = text[max(0, at - CONTEXT) : at]
    after = text[at + len(cited) : at + len(cited) + CONTEXT]
    return " ".join(f"…{before}«{cited}»{after}…".split())


def review_lines(root: Path) -> tuple[list[str], int]:
    """The report, one block per article with drafted items, and the number of items left."""
    lines, total = [], 0
    for folder in source_folders(root):
        article, annotations = load_source(folder, root)
        entries = drafted_entries(annotations, root)
        if not entries:
            continue
        total += len(entries)
        lines.append(f"{folder.name}: {len(entries)} drafted item(s) to review in {folder.name}/annotations.yaml")
        lines += [line for entry in entries for line in describe(entry, article.text)]
    lines.append(f"{total} drafted item(s) left to review" if total else "nothing left to review")
    return lines, total


def describe(entry: Drafted, text: str) -> list[str]:
    return [f"  {entry.label}"] + [f"      {in_context(text, cited)}" for cited in entry.cited[:2]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.review", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    try:
        lines, total = review_lines(args.root.resolve())
    except BuildError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 1 if total else 0
