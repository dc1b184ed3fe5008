"""Draft the annotations of articles by machine, for a curator to review.

    python -m scripts.draft ARTICLE.txt [--published YYYY-MM-DD]          # annotations.yaml on stdout
    python -m scripts.draft ARTICLE.txt [--published YYYY-MM-DD] --json   # the full draft as JSON on stdout
    python -m scripts.draft A.txt B.txt FOLDER ... --out-dir DIR [--json] # one file per article in DIR

The YAML is in the format the build reads (schemas/input/annotations.schema.json); every item carries
`review: drafted` (drafted names go under `drafted_mentions`). The JSON has, under `quotes`, `dates`, `mentions`,
`amounts`, `votes` and `events`, every finding with its character offsets (fields: README, "Drafting").

Many articles are drafted in one process (the lexicon is loaded once): give several files, or a folder, whose *.txt
files and */article.txt files are drafted. Each is written to DIR/<id>.annotations.yaml (or <id>.draft.json), where
<id> is the file's name without .txt, or the folder's name for an article.txt; drafted ids start with it. Without
--published, an article.txt takes the `published` of the metadata.yaml (or gold.yaml) beside it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from . import UnfitArticle, draft_article
from .annotations import dump_annotations, to_annotations


def read_article(path: Path) -> str:
    """The file's text, or one line saying why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise SystemExit(f"error: {path}: no such file; give the path of a UTF-8 text file.") from None
    except IsADirectoryError:
        raise SystemExit(f"error: {path}: a folder; give --out-dir to draft the articles in it.") from None
    except UnicodeDecodeError as error:
        raise SystemExit(f"error: {path}: not UTF-8 (byte {error.start}); convert the file to UTF-8 first.") from None


def parse_published(value: str | None) -> dt.date | None:
    """The --published date, or one line saying it is not a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"error: --published {value!r} is not a date YYYY-MM-DD.") from None


def article_id(path: Path) -> str:
    """The id of an article file: its folder's name for an article.txt, else its name without the extension."""
    return path.parent.name if path.name == "article.txt" else path.stem


def articles_in(paths: list[Path]) -> list[Path]:
    """The article files named, and those in the folders named (*.txt, */article.txt), in order, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.glob("*.txt")) + sorted(path.glob("*/article.txt"))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def published_beside(path: Path) -> dt.date | None:
    """The publication date recorded next to an article.txt (metadata.yaml of a source folder, or gold.yaml)."""
    for name in ("metadata.yaml", "gold.yaml"):
        beside = path.parent / name
        if path.name == "article.txt" and beside.exists():
            value = (yaml.safe_load(beside.read_text(encoding="utf-8")) or {}).get("published")
            if value:
                return dt.date.fromisoformat(str(value))
    return None


def draft_one(path: Path, published: dt.date | None, as_json: bool) -> tuple[str, dict]:
    """The output text of one article and its draft."""
    text = read_article(path)
    try:
        draft = draft_article(text, published)
    except UnfitArticle as error:
        raise SystemExit(f"error: {path}: {error}") from None
    if as_json:
        return json.dumps(draft, ensure_ascii=False, indent=2) + "\n", draft
    return dump_annotations(to_annotations(draft, text, article_id(path))), draft


def note_unresolved(path: Path, draft: dict) -> None:
    if draft["published"] is None and draft["unresolved_dates"]:
        print(
            f"note: {path}: no publication date given; {len(draft['unresolved_dates'])} date(s) left unresolved: "
            + "; ".join(repr(d["text"]) for d in draft["unresolved_dates"]),
            file=sys.stderr,
        )


def draft_many(paths: list[Path], out_dir: Path, published: dt.date | None, as_json: bool) -> int:
    """Every article into out_dir, one file each; a file that fails is named on stderr and the others go on."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = written = 0
    for path in articles_in(paths):
        try:
            output, draft = draft_one(path, published or published_beside(path), as_json)
        except SystemExit as error:
            print(error, file=sys.stderr)
            failed += 1
            continue
        target = out_dir / (article_id(path) + (".draft.json" if as_json else ".annotations.yaml"))
        target.write_text(output, encoding="utf-8")
        note_unresolved(path, draft)
        written += 1
    print(
        f"wrote {written} file(s) to {out_dir}" + (f"; {failed} article(s) failed" if failed else ""), file=sys.stderr
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Draft one article to stdout, or many into --out-dir."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, nargs="+", help="UTF-8 text files, or folders of them")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (relative dates stay unresolved without it)")
    parser.add_argument("--json", action="store_true", help="the full draft as JSON instead of annotations YAML")
    parser.add_argument("--out-dir", type=Path, help="write one file per article into this folder")
    args = parser.parse_args(argv)
    published = parse_published(args.published)
    if args.out_dir is not None:
        return draft_many(args.articles, args.out_dir, published, args.json)
    if len(args.articles) > 1 or args.articles[0].is_dir():
        raise SystemExit("error: several articles need --out-dir DIR (one output file per article).")
    path = args.articles[0]
    output, draft = draft_one(path, published, args.json)
    sys.stdout.write(output)
    note_unresolved(path, draft)
    return 0


if __name__ == "__main__":
    sys.exit(main())
