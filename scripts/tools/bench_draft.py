"""Benchmark of the drafter: articles per second on one core, on a batch of the test articles repeated.

    python -m scripts.bench_draft [--articles 300] [--rounds 3]

Prints the figures; asserts nothing (a timing is not a test). The lexicon is loaded once, before the clock starts,
and its loading time is printed on its own line."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import time

import yaml

from ..core.repo import ROOT
from ..draft import draft_article
from ..draft.lexicon import load_lexicon

CORPUS = ROOT / "tests" / "draft_corpus"
SEED = ROOT / "sources" / "articles" / "blinken-astana-2023-02-28"


def batch(size: int) -> list[tuple[str, dt.date | None]]:
    articles = [((SEED / "article.txt").read_text(encoding="utf-8"), dt.date(2023, 2, 28))]
    for folder in sorted(CORPUS.iterdir()) if CORPUS.exists() else []:
        if (folder / "article.txt").exists():
            gold = folder / "gold.yaml"
            published = yaml.safe_load(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
            articles.append(
                (
                    (folder / "article.txt").read_text(encoding="utf-8"),
                    dt.date.fromisoformat(published) if published else None,
                )
            )
    return [articles[i % len(articles)] for i in range(size)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    start = time.perf_counter()
    load_lexicon()
    loading = time.perf_counter() - start
    articles = batch(args.articles)
    size = statistics.mean(len(text.encode("utf-8")) for text, _ in articles)
    rates = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for text, published in articles:
            draft_article(text, published)
        rates.append(len(articles) / (time.perf_counter() - start))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"lexicon loaded in {loading:.2f} s (once per process)")
    print(f"batch: {len(articles)} articles, mean {size / 1024:.1f} KB, {len({t for t, _ in articles})} distinct texts")
    print(
        f"articles per second (one core): best {max(rates):.0f}, median {statistics.median(rates):.0f} "
        f"over {args.rounds} rounds"
    )
    print(f"peak resident memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
