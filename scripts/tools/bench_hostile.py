"""Time the build on hostile inputs that used to take minutes (issue 16): prints figures, asserts nothing.

    python -m scripts.tools.bench_hostile [--quick]

Each line is one build of a fresh copy of the repository with one input of tests/hostile_more.py (or one of the
series below), its outcome (the named error, or "published") and its wall time; then the splitter and the
quotation-mark pairing alone, at growing sizes, to show that time grows linearly. The target: a 1 MB article refused
or processed in at most 10 s, 100,000 quotation marks in at most 5 s."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..build import build
from ..core.errors import BuildError
from ..core.quotation import find_quote_spans
from ..core.sentences import split_sentences

SLOW = (
    "article-over-1-mb-on-one-line",
    "article-of-999-kb-on-one-line",
    "article-of-999-kb-of-sentences",
    "article-with-100k-quotation-marks",
    "article-with-1700-events",
    "article-with-thousands-of-mentions",
)


def timed_build(apply: Callable[[Path], None]) -> tuple[str, float]:
    """(outcome, seconds) of one build of a fresh copy broken by apply."""
    from tests.hostile import copy_repo

    with tempfile.TemporaryDirectory() as folder:
        root = copy_repo(Path(folder) / "repo")
        apply(root)
        start = time.perf_counter()
        try:
            build(root, out=lambda line: None)
            outcome = "published"
        except BuildError as exc:
            outcome = type(exc).__name__
        return outcome, time.perf_counter() - start


def series(sizes: list[int]) -> list[tuple[str, Callable[[Path], None]]]:
    """The same inputs at growing sizes (bytes of article), to see whether time grows linearly."""
    from tests.hostile_more import grown_article

    runs = []
    for size in sizes:
        runs.append((f"one line, {size // 1000} KB", grown_article("and the talks went on ", size, separator=" ")))
        runs.append((f"sentences, {size // 1000} KB", grown_article("Officials met again. They talked.\n", size)))
        runs.append((f"quotation marks, {size // 1000} KB", grown_article("“a” ‘b’ ", size)))
    return runs


def component_times(sizes: list[int]) -> list[str]:
    """The sentence splitter and the quotation-mark pairing alone."""
    lines = []
    for size in sizes:
        prose = ("Officials met in Astana. “We talked,” one said; ‘a partner’ was the word. " * size)[:size]
        one_line = ("and the talks went on " * size)[:size]
        marks = ("“a” ‘b’ " * size)[: size // 2]
        count = marks.count("“") * 2 + marks.count("‘") * 2
        for name, work, text in (
            ("split_sentences(prose)", split_sentences, prose),
            ("split_sentences(one line)", split_sentences, one_line),
            ("find_quote_spans(prose)", find_quote_spans, prose),
            (f"find_quote_spans({count:,} marks)", find_quote_spans, marks),
        ):
            start = time.perf_counter()
            work(text)
            lines.append(f"  {name:42} {size // 1000:5} KB {time.perf_counter() - start:7.3f} s")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the times of the catalogue's slow cases, of growing inputs and of the components alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the catalogue's slow cases only: no series, no published 1,700 events",
    )
    args = parser.parse_args(argv)
    from tests.hostile_more import CASES, many_events

    print("builds (outcome, wall time):")
    runs = [(case.name, case.apply) for case in CASES if case.name in SLOW]
    if not args.quick:
        runs.append(("1,700 events, all annotated (published, timeline included)", many_events_published(many_events)))
        runs += series([250_000, 500_000, 999_000])
    for name, apply in runs:
        outcome, seconds = timed_build(apply)
        print(f"  {name:62} {outcome:22} {seconds:7.2f} s")
    if not args.quick:
        print("components alone:")
        print("\n".join(component_times([250_000, 500_000, 1_000_000])))
    return 0


def many_events_published(many_events: Callable[[int], Callable[[Path], None]]) -> Callable[[Path], None]:
    """1,700 annotated events and a sentence note for the last sentence: the build publishes them."""

    def apply(root: Path) -> None:
        many_events(1700)(root)
        folder = root / "sources" / "articles" / "many-events-test"
        annotations = folder / "annotations.yaml"
        annotations.write_text(
            annotations.read_text(encoding="utf-8") + "sentence_notes:\n  - evidence: Nobody "
            "annotated this one.\n    reason: a test sentence.\n",
            encoding="utf-8",
        )

    return apply


if __name__ == "__main__":
    raise SystemExit(main())
