"""Build the package: load sources/ -> stage each article -> link them -> publish data/ and datapackage.json.

    python -m scripts.build [--root PATH] [--allow-drafts]

The stages are the folders of scripts/: load/ (read and check the inputs), stage/ (one article's rows), link/ (the
articles joined with each other and with the reference) and publish/ (write, check and swap in the files)."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from .core.errors import BuildError
from .core.registry import TABLES, VOTE_VALUES
from .core.repo import ROOT
from .link.tables import link_tables
from .load.source import source_folders
from .publish.changes import compare, summary
from .publish.journal import JOURNAL, build_lock, roll_forward
from .publish.staging import plan_publish, publish_package
from .stage.cache import shared_fingerprint
from .stage.corpus import default_jobs, shared, stage_corpus

PREVIEW = "build/preview"  # where --allow-drafts writes its package: never data/ or datapackage.json


def build(root: Path = ROOT, out=print, allow_drafts: bool = False, jobs: int = 1) -> dict[str, list[dict]]:
    """Run every stage under the repository's build lock; publish only a package that validated. Returns the tables."""
    with build_lock(root):
        earlier = roll_forward(root)
        if earlier:
            out(earlier.message)
        if allow_drafts and os.path.lexists(root / PREVIEW / JOURNAL):
            roll_forward(root / PREVIEW)
        try:
            return run_stages(root, out, allow_drafts, jobs)
        except BuildError as exc:
            if earlier and earlier.published:
                exc.outcome = (
                    "nothing new was published: data/ and datapackage.json are the package of the earlier "
                    "build that this one finished."
                )
            raise


def run_stages(root: Path, out, allow_drafts: bool, jobs: int = 1) -> dict[str, list[dict]]:
    folders = source_folders(root)
    registries, reference = shared(root, shared_fingerprint(root, allow_drafts))
    articles, fresh = stage_corpus(folders, root, allow_drafts, jobs)
    out(f"staged {len(articles)} article(s): {fresh} afresh, {len(articles) - fresh} from the cache")
    tables = link_tables(articles, registries, reference)
    sources = [{"title": row["title"], "path": row["path"], "sha256": row["sha256"]} for row in tables["sources"]]
    texts = {article.source_id: article.text for article in articles}
    target = root / PREVIEW if allow_drafts else root
    plover_types = list(registries.vocab.plover_types)
    plan = plan_publish(root, tables, texts, plover_types, target)
    if plan.lines is not None and target == root:
        out("against the published package: no row changed (the package on disk is this build's, file for file)")
    else:
        out("against the published package: " + summary(compare(tables, root / "data", root, plan.csv)))
    lines, published = publish_package(root, tables, sources, texts, plover_types, target, plan)
    if allow_drafts:
        published = f"preview (drafts allowed) in {PREVIEW}/, never in data/: " + published.replace(
            "published data/ and datapackage.json", "its data/ and datapackage.json"
        )
    summarise(out, tables, lines, published)
    return tables


def summarise(out, tables: dict[str, list[dict]], lines: list[str], published: str) -> None:
    for row in tables["sources"]:
        out(f"coverage {row['source_id']}: {row['sentences_covered']}/{row['sentence_count']} sentences (100%)")
    out("rows: " + ", ".join(f"{name} {len(tables[name])}" for name in TABLES))
    vote_counts = Counter(row["vote"] for row in tables["votes"])
    out("votes: " + ", ".join(f"{v} {vote_counts[v]}" for v in VOTE_VALUES))
    for line in lines:
        out("validation: " + line)
    out(published)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    parser.add_argument(
        "--allow-drafts",
        action="store_true",
        help="preview: build with machine-drafted annotations too, marked review_status = drafted, into "
        f"{PREVIEW}/ (never data/); by default an article with unreviewed drafts is refused",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="stage articles in N processes (default: the cores, %(default)s here)",
    )
    args = parser.parse_args(argv)
    try:
        build(args.root.resolve(), allow_drafts=args.allow_drafts, jobs=max(1, args.jobs))
    except BuildError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(
            getattr(exc, "outcome", "nothing was published: data/ and datapackage.json are unchanged."),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
