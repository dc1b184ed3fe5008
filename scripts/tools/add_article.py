"""Add an article: a new source folder with the text, its metadata and machine-drafted annotations to review.

    python -m scripts.add_article ARTICLE.txt --id SOURCE-ID --title "..." --published YYYY-MM-DD \\
        [--outlet NAME] [--author NAME] [--language en]

Creates sources/articles/SOURCE-ID/{article.txt, metadata.yaml, annotations.yaml}. The article is copied byte for
byte and its SHA-256 recorded; annotations.yaml is the draft of python -m scripts.draft, every item marked
`review: drafted`. Until the curator has reviewed them, `make build` refuses the article (README, "Adding an
article")."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import yaml

from ..core.repo import ROOT
from ..draft import draft_article
from ..draft.__main__ import parse_published, read_article
from ..draft.annotations import dump_annotations, to_annotations

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")


def add_article(
    article: Path,
    source_id: str,
    title: str,
    published: dt.date,
    root: Path = ROOT,
    outlet: str | None = None,
    author: str | None = None,
    language: str = "en",
) -> Path:
    """Create the source folder; refuses an id in use, a bad id or a non-UTF-8 file. Returns the folder."""
    if not SOURCE_ID.match(source_id):
        raise SystemExit(
            f"error: --id {source_id!r}: use 3-81 lower-case letters, digits and hyphens "
            "(e.g. reuters-unga-vote-2023-02-23)."
        )
    folder = root / "sources" / "articles" / source_id
    if folder.exists():
        raise SystemExit(
            f"error: {folder.relative_to(root)} exists; choose another --id (an article is never replaced "
            "under the same id)."
        )
    text = read_article(article)
    data = article.read_bytes()
    metadata = {
        "title": title,
        "title_is_curated": False,
        "published": published.isoformat(),
        "published_precision": "day",
        "published_derivation": "Publication date given by the curator who added the article (python -m scripts.add_article).",
        "language": language,
        "outlet": outlet,
        "author": author,
        "provenance_note": f"Added from the file {article.name} with python -m scripts.add_article.",
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    notes = to_annotations(draft_article(text, published, root), text)
    folder.mkdir(parents=True)
    (folder / "article.txt").write_bytes(data)
    (folder / "metadata.yaml").write_text(
        yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8"
    )
    (folder / "annotations.yaml").write_text(dump_annotations(notes), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--id", required=True, help="the new source id (folder name)")
    parser.add_argument("--title", required=True, help="the article's title as published")
    parser.add_argument("--published", required=True, help="publication date YYYY-MM-DD")
    parser.add_argument("--outlet")
    parser.add_argument("--author")
    parser.add_argument("--language", default="en")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    folder = add_article(
        args.article,
        args.id,
        args.title,
        parse_published(args.published),
        args.root.resolve(),
        args.outlet,
        args.author,
        args.language,
    )
    print(f"created {folder}: review annotations.yaml (every item says review: drafted), then make build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
