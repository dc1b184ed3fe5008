"""Build the package: load sources/ -> stage each article -> link them -> publish data/ and datapackage.json.

    python -m scripts.build [--root PATH] [--allow-drafts]

The stages are the folders of scripts/: load/ (read and check the inputs), stage/ (one article's rows), link/ (the
articles joined with each other and with the reference) and publish/ (write, check and swap in the files)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .core.errors import BuildError
from .core.registry import TABLES, VOTE_VALUES
from .core.repo import ROOT
from .link.tables import link_tables
from .load.registries import load_registries
from .load.source import source_folders
from .publish.journal import build_lock, roll_forward
from .publish.readme import update_counts, update_readme
from .publish.staging import publish_package
from .stage.article import stage_article, stage_reference


def build(root: Path = ROOT, out=print, allow_drafts: bool = False) -> dict[str, list[dict]]:
    """Run every stage under the repository's build lock; publish only a package that validated. Returns the tables."""
    with build_lock(root):
        if roll_forward(root):
            out("finished a publish that an earlier build started and did not complete")
        return run_stages(root, out, allow_drafts)


def run_stages(root: Path, out, allow_drafts: bool) -> dict[str, list[dict]]:
    folders = source_folders(root)
    registries = load_registries(root)
    reference = stage_reference(registries)
    articles = [stage_article(folder, registries, reference, root, allow_drafts) for folder in folders]
    tables = link_tables(articles, registries, reference)
    sources = [{"title": row["title"], "path": row["path"], "sha256": row["sha256"]} for row in tables["sources"]]
    texts = {article.source_id: article.text for article in articles}
    lines = publish_package(root, tables, sources, texts, list(registries.vocab.plover_types))
    update_readme(root)
    update_counts(root, tables)
    summarise(out, tables, lines)
    return tables


def summarise(out, tables: dict[str, list[dict]], lines: list[str]) -> None:
    for row in tables["sources"]:
        out(f"coverage {row['source_id']}: {row['sentences_covered']}/{row['sentence_count']} sentences (100%)")
    out("rows: " + ", ".join(f"{name} {len(tables[name])}" for name in TABLES))
    vote_counts = Counter(row["vote"] for row in tables["votes"])
    out("votes: " + ", ".join(f"{v} {vote_counts[v]}" for v in VOTE_VALUES))
    for line in lines:
        out("validation: " + line)
    out("published data/ and datapackage.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    parser.add_argument(
        "--allow-drafts",
        action="store_true",
        help="publish machine-drafted annotations too, marked review_status = drafted "
        "(by default an article with unreviewed drafts is refused)",
    )
    args = parser.parse_args(argv)
    try:
        build(args.root.resolve(), allow_drafts=args.allow_drafts)
    except BuildError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("nothing was published: data/ and datapackage.json are unchanged.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
