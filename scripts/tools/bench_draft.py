"""Benchmark of the drafter: articles per second on one core, and the time it takes on hostile input.

    python -m scripts.tools.bench_draft [--articles 300] [--rounds 3] [--size 1000000] [--marks 100000] [--no-hostile]

Prints the figures; asserts nothing (a timing is not a test: tests/test_draft_hostile.py feeds the same inputs,
smaller, and checks what comes out). The lexicon is loaded once, before the clock starts, and its loading time is
printed on its own line. Times are CPU seconds of this process (time.process_time), which other processes on the
machine disturb less than the wall clock; the wall clock is printed beside them.

Targets (issue 13): at least 100 articles per second; at most 10 s for 1 MB of text (one line, or ordinary
sentences); at most 5 s for thousands of quotation marks, balanced or not."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable

import yaml

from ..core.repo import ROOT
from ..draft import UnfitArticle, draft_article
from ..draft.lexicon import load_lexicon

CORPUS = ROOT / "tests" / "draft_corpus"
SEED = ROOT / "sources" / "articles" / "blinken-astana-2023-02-28"
DAY = dt.date(2023, 2, 28)


def articles() -> list[tuple[str, dt.date | None]]:
    """The seed and the test articles with their publication dates."""
    found = [((SEED / "article.txt").read_text(encoding="utf-8"), DAY)]
    for folder in sorted(CORPUS.iterdir()) if CORPUS.exists() else []:
        if (folder / "article.txt").exists():
            gold = folder / "gold.yaml"
            published = yaml.safe_load(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
            found.append(
                (
                    (folder / "article.txt").read_text(encoding="utf-8"),
                    dt.date.fromisoformat(published) if published else None,
                )
            )
    return found


def batch(size: int) -> list[tuple[str, dt.date | None]]:
    texts = articles()
    return [texts[i % len(texts)] for i in range(size)]


def repeated(text: str, size: int) -> str:
    return (text * (size // max(len(text), 1) + 1))[:size]


def hostile_inputs(size: int, marks: int) -> dict[str, Callable[[], object]]:
    """Inputs that once made drafting slow or crash, by name: `size` characters of text, `marks` quotation marks."""
    corpus = "\n".join(text for text, _ in articles())
    return {
        "one line of ordinary text": lambda: repeated(corpus.replace("\n", " ") + " ", size),
        "ordinary sentences": lambda: repeated(corpus + "\n", size),
        "balanced quotation marks": lambda: repeated('“a” "b" ', marks * 2),
        "unbalanced opening marks": lambda: repeated("“Open ", marks * 6) + "end.",
        "thousands of unbalanced marks": lambda: repeated("“Open ", min(marks, 10_000) * 6) + "end.",
        "straight marks only": lambda: '"' * marks,
        "single opening marks": lambda: repeated(" ‘a", 3 * min(marks, 10_000)),
        "no full stop": lambda: repeated("Kazakhstan abstained, Russia said “no” ", size),
        "issue 16 (a…a,. B.)": lambda: "a" * (size // 5) + ",. B.",
        "empty": lambda: "",
        "binary": lambda: "PK\x03\x04\x00\x00" + "x" * 100,
    }


def timed(make: Callable[[], object]) -> tuple[float, float, str]:
    """CPU and wall seconds to draft the input, and what came of it."""
    text = make()
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        draft = draft_article(text, DAY)
        outcome = f"{len(draft['quotes'])} quotes, {len(draft['mentions'])} mentions, {len(draft['events'])} events"
    except UnfitArticle as error:
        outcome = f"UnfitArticle: {str(error)[:70]}"
    return time.process_time() - cpu, time.perf_counter() - wall, outcome


def throughput(count: int, rounds: int) -> list[float]:
    """Articles per CPU second, per round."""
    batch_ = batch(count)
    rates = []
    for _ in range(rounds):
        start = time.process_time()
        for text, published in batch_:
            draft_article(text, published)
        rates.append(len(batch_) / (time.process_time() - start))
    return rates


def main(argv: list[str] | None = None) -> int:
    """Print the throughput and the hostile-input timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of the large hostile inputs")
    parser.add_argument("--marks", type=int, default=100_000, help="quotation marks of the hostile inputs")
    parser.add_argument("--no-hostile", action="store_true", help="only the throughput")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    start = time.perf_counter()
    load_lexicon(ROOT)
    print(f"lexicon loaded in {time.perf_counter() - start:.2f} s (once per process)")
    sample = batch(args.articles)
    size = statistics.mean(len(text.encode("utf-8")) for text, _ in sample)
    rates = throughput(args.articles, args.rounds)
    print(f"batch: {len(sample)} articles, mean {size / 1024:.1f} KB, {len({t for t, _ in sample})} distinct texts")
    print(
        f"articles per CPU second (one core): best {max(rates):.0f}, median {statistics.median(rates):.0f} "
        f"over {args.rounds} rounds (target 100)"
    )
    if not args.no_hostile:
        print(
            f"hostile input ({args.size:,} characters, {args.marks:,} quotation marks; targets 10 s for 1 MB, "
            "5 s for thousands of marks):"
        )
        for name, make in hostile_inputs(args.size, args.marks).items():
            cpu, wall, outcome = timed(make)
            print(f"  {name}: {cpu:.2f} s CPU ({wall:.2f} s wall): {outcome}")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
