"""Draft the annotations of an article by machine, for a curator to review.

    python -m scripts.draft ARTICLE.txt [--published YYYY-MM-DD]          # annotations.yaml, every item drafted
    python -m scripts.draft ARTICLE.txt [--published YYYY-MM-DD] --json   # the full draft as JSON

The YAML is in the format the build reads (schemas/input/annotations.schema.json); every item carries
`review: drafted` (drafted names go under `drafted_mentions`). The JSON has, under `quotes`, `dates`, `mentions`,
`amounts`, `votes` and `events`, every finding with its character offsets (fields: README, "Drafting")."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import draft_article
from .annotations import dump_annotations, to_annotations


def read_article(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise SystemExit(f"error: {path}: no such file; give the path of a UTF-8 text file.")
    except UnicodeDecodeError as error:
        raise SystemExit(f"error: {path}: not UTF-8 (byte {error.start}); convert the file to UTF-8 first.")


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"error: --published {value!r} is not a date YYYY-MM-DD.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path, help="the article, a UTF-8 text file")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (relative dates stay unresolved without it)")
    parser.add_argument("--json", action="store_true", help="print the full draft as JSON instead of annotations YAML")
    args = parser.parse_args(argv)
    text = read_article(args.article)
    published = parse_published(args.published)
    draft = draft_article(text, published)
    if args.json:
        json.dump(draft, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        sys.stdout.write(dump_annotations(to_annotations(draft, text)))
    if published is None and draft["unresolved_dates"]:
        print(
            f"note: no publication date given; {len(draft['unresolved_dates'])} date(s) left unresolved: "
            + "; ".join(repr(d["text"]) for d in draft["unresolved_dates"]),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
