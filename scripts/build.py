"""Build the package: load sources/ -> stage tables -> link them -> publish data/ and datapackage.json."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from .actor import link_mentions, load_actors, summarise_mentions
from .annotation import load_source
from .claim import load_record, stage_claims
from .border import load_factbook_borders, stage_borders
from .coverage import measure_coverage
from .dates import parse_date
from .docs import update_readme
from .errors import BuildError, DuplicateId, InvalidDate, UnknownActor, UnsafePath
from .event import stage_events
from .package import build_lock, publish_package, roll_forward
from .quote import stage_quotes
from .review import apply_policy
from .source import stage_source
from .table import TABLES
from .vocabulary import load_vocabularies
from .vote import load_roll_calls, stage_votes

ROOT = Path(__file__).resolve().parent.parent


def load_sources(root: Path, allow_drafts: bool = False) -> list[tuple]:
    """Every source folder under sources/articles/, with its annotations (load stage; drafts per scripts/review.py)."""
    loaded = []
    articles = root / "sources" / "articles"
    for folder in sorted(p for p in articles.iterdir() if p.is_dir() or p.is_symlink()):
        check_source_folder(root, folder)
        article, annotations = load_source(folder)
        annotations = apply_policy(annotations, folder / "annotations.yaml", allow_drafts)
        published = parse_date(article.metadata["published"], file=folder / "metadata.yaml", item=folder.name,
                               field="published")
        if published > dt.date.today():
            raise InvalidDate(folder / "metadata.yaml", folder.name, "published",
                              f"{published} is in the future (today is {dt.date.today()}).",
                              "give the date the article was published.")
        loaded.append((article, annotations, folder / "annotations.yaml"))
    return loaded


SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SOURCE_FILES = ("article.txt", "metadata.yaml", "annotations.yaml")


def check_source_folder(root: Path, folder: Path) -> None:
    """A source folder is a real folder inside sources/articles/, named like an id, whose files stay in the repository."""
    inside = (root / "sources" / "articles").resolve()
    if not SOURCE_ID.match(folder.name):
        raise UnsafePath(folder, folder.name, "source id", "a source id is lower-case letters, digits and hyphens.",
                         "rename the folder (e.g. reuters-unga-vote-2023-02-23).")
    if folder.is_symlink() or folder.resolve().parent != inside:
        raise UnsafePath(folder, folder.name, "folder", f"the folder is a link to {folder.resolve()}.",
                         "copy the article into sources/articles/ instead of linking to it.")
    repository = root.resolve()
    for name in SOURCE_FILES:
        path = folder / name
        if path.is_symlink() and not path.resolve().is_relative_to(repository):
            raise UnsafePath(path, folder.name, name, f"a link to {path.resolve()}, outside the repository.",
                             "copy the file into the source folder instead of linking to it.")


def stage_tables(root: Path, sources: list[tuple], vocab) -> dict[str, list[dict]]:
    """Rows of every table from the loaded sources and the reference data (stage and link)."""
    actors = load_actors(root, vocab)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for article, annotations, file in sources:
        tables["mentions"] += link_mentions(article, annotations.get("mentions", {}), actors, file,
                                            frozenset(annotations.get("_drafted_names", ())))
        tables["events"] += stage_events(article, annotations, actors, vocab, file)
        tables["quotes"] += stage_quotes(article, annotations, actors, file)
    tables["votes"] = stage_votes(load_roll_calls(root), sources, actors)
    tables["borders"] = stage_borders(load_factbook_borders(root), sources)
    tables["actors"] = summarise_mentions(actors, tables["mentions"])
    record = load_record(root, tables)
    for article, annotations, file in sources:
        tables["claims"] += stage_claims(article, annotations, record, actors, file)
    check_unique(tables, sources)
    link_events(tables, sources)
    for article, annotations, file in sources:
        covered = measure_coverage(article, annotations, tables, file)
        tables["sources"].append(stage_source(article, covered, article.path.relative_to(root).as_posix()))
    return tables


def check_unique(tables: dict[str, list[dict]], sources: list[tuple]) -> None:
    """Ids of events and quotes are unique across every source."""
    files = {article.source_id: file for article, _, file in sources}
    for table, key in (("events", "event_id"), ("quotes", "quote_id"), ("claims", "claim_id")):
        seen: dict[str, str] = {}
        for row in tables[table]:
            if row[key] in seen:
                raise DuplicateId(files[row["source_id"]], f"{table} (id: {row[key]})", "id",
                                  f"the id is already used in {files[seen[row[key]]]}.",
                                  "give every item its own id across all sources (prefix it with the article's subject).")
            seen[row[key]] = row["source_id"]


def link_events(tables: dict[str, list[dict]], sources: list[tuple]) -> None:
    """Quotes and votes may only point at events that exist."""
    files = {article.source_id: file for article, _, file in sources}
    events = {row["event_id"] for row in tables["events"]}
    for table, key in (("quotes", "quote_id"), ("votes", "iso3"), ("claims", "claim_id")):
        for row in tables[table]:
            if row["event_id"] is not None and row["event_id"] not in events:
                raise UnknownActor(files[row["source_id"]], f"{table} ({key}: {row[key]})", "event",
                                   f"no event with id {row['event_id']!r}.", "use the id of an event of the annotations.")


def build(root: Path = ROOT, out=print, allow_drafts: bool = False) -> dict[str, list[dict]]:
    """Run every stage under the repository's build lock; publish only a package that validated. Returns the tables."""
    with build_lock(root):
        if roll_forward(root):
            out("finished a publish that an earlier build started and did not complete")
        return run_stages(root, out, allow_drafts)


def run_stages(root: Path, out, allow_drafts: bool) -> dict[str, list[dict]]:
    sources = load_sources(root, allow_drafts)
    vocab = load_vocabularies(root)
    tables = stage_tables(root, sources, vocab)
    articles = [{"title": row["title"], "path": row["path"], "sha256": row["sha256"]} for row in tables["sources"]]
    texts = {article.source_id: article.text for article, _, _ in sources}
    lines = publish_package(root, tables, articles, texts, list(vocab.plover_types))
    update_readme(root)
    for row in tables["sources"]:
        out(f"coverage {row['source_id']}: {row['sentences_covered']}/{row['sentence_count']} sentences (100%)")
    out("rows: " + ", ".join(f"{name} {len(tables[name])}" for name in TABLES))
    vote_counts = Counter(row["vote"] for row in tables["votes"])
    out("votes: " + ", ".join(f"{v} {vote_counts[v]}" for v in ("yes", "no", "abstain", "non_voting")))
    out("validation (frictionless, CSV/Parquet parity, evidence offsets):")
    for line in lines:
        out("  " + line)
    out("published data/ and datapackage.json")
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    parser.add_argument("--allow-drafts", action="store_true",
                        help="publish machine-drafted annotations too, marked review_status = drafted "
                             "(by default an article with unreviewed drafts is refused)")
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
