"""What a rebuild takes from the package it replaces: frictionless's verdict on a table carries over only where the
table's CSV is the published, intact one, described by the same rules, and every table its foreign keys point to
holds the same keys; the evidence spans only where the article texts are the same. Everything else is checked again,
each table against the whole package."""

from __future__ import annotations

import json
import shutil

import pytest

from scripts.core.errors import ValidationFailed
from scripts.core.registry import TABLES, load_schema
from scripts.publish.frictionless_check import validate_csv
from scripts.publish.reuse import earlier_package
from scripts.publish.workbook import workbook_name

from .conftest import ROOT

POINTING_TO_EVENTS = {"claims", "event_actors", "quotes", "reports", "vote_statements"}


def published() -> tuple[dict[str, bytes], dict[str, dict]]:
    csv = {name: (ROOT / "data" / f"{name}.csv").read_bytes() for name in TABLES}
    return csv, {name: load_schema(name) for name in TABLES}


def checked_again(root, csv, schemas) -> set[str]:
    return set(TABLES) - earlier_package(root, workbook_name(root), csv, schemas).validated


def test_an_unchanged_package_carries_every_verdict_and_every_span_check():
    csv, schemas = published()
    earlier = earlier_package(ROOT, workbook_name(ROOT), csv, schemas)
    assert earlier.validated == frozenset(TABLES) and earlier.spans == frozenset(TABLES)


def test_a_changed_row_is_checked_again_and_so_is_every_table_that_points_to_changed_keys():
    csv, schemas = published()
    summary = {**csv, "events": csv["events"].replace(b"Blinken", b"Blinken (edited)", 1)}
    assert checked_again(ROOT, summary, schemas) == {"events"}
    event_id = csv["events"].split(b"\r\n")[1].split(b",")[0]
    renamed = {**csv, "events": csv["events"].replace(event_id + b",", b"renamed-" + event_id + b",", 1)}
    assert checked_again(ROOT, renamed, schemas) == {"events"} | POINTING_TO_EVENTS


def test_a_changed_rule_or_a_file_edited_after_publishing_carries_nothing_of_that_table(repo):
    csv, schemas = published()
    stricter = json.loads(json.dumps(schemas))
    next(f for f in stricter["mentions"]["fields"] if f["name"] == "text")["constraints"]["maxLength"] = 5
    assert checked_again(ROOT, csv, stricter) == {"mentions"}
    edited = {**csv, "quotes": csv["quotes"].replace(b"Blinken", b"Blinkin", 1)}
    (repo / "data" / "quotes.csv").write_bytes(edited["quotes"])  # on disk, but not what was published
    earlier = earlier_package(repo, workbook_name(repo), edited, schemas)
    assert "quotes" not in earlier.validated | earlier.sheets | set(earlier.parquet) | earlier.spans


def test_spans_are_checked_again_everywhere_when_an_article_text_changed():
    csv, schemas = published()
    sources = {**csv, "sources": csv["sources"].replace(b"Astana", b"Nur-Sultan", 1)}
    assert earlier_package(ROOT, workbook_name(ROOT), sources, schemas).spans == frozenset()


def test_a_table_checked_alone_has_its_foreign_keys_looked_up_in_the_whole_package(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "event_actors")
    del resource["bytes"], resource["hash"]
    with (tmp_path / "data" / "event_actors.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("no-such-event,kazakhstan,other,9\r\n")
    assert validate_csv(tmp_path, descriptor, ["events"]) == {"events": 18}
    with pytest.raises(ValidationFailed, match="event_actors: .*foreign key"):
        validate_csv(tmp_path, descriptor, ["event_actors"])


def test_frictionless_reading_other_row_counts_than_the_build_wrote_is_refused(tmp_path):
    """When frictionless checks only some tables, the summary counts the build's own rows: a count frictionless reads
    otherwise is refused, naming the table."""
    from scripts.publish.checks import validate_staged
    from scripts.publish.codec import read_csv_rows
    from scripts.publish.workbook import workbook_name

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {name: load_schema(name) for name in TABLES}
    texts = {
        "blinken-astana-2023-02-28": (ROOT / "sources/articles/blinken-astana-2023-02-28/article.txt").read_text(
            encoding="utf-8"
        )
    }
    every = frozenset(TABLES)
    proven = {"parquet": every, "workbook": every, "spans": every}
    counts = {name: len(read_csv_rows(tmp_path / "data" / f"{name}.csv", schemas[name])) for name in TABLES}
    book = tmp_path / "data" / workbook_name(ROOT)
    assert validate_staged(tmp_path, descriptor, schemas, texts, book, proven=proven, counts=counts)
    with pytest.raises(ValidationFailed, match="events: .*frictionless read 18 rows where the build wrote 19"):
        validate_staged(tmp_path, descriptor, schemas, texts, book, proven=proven, counts={**counts, "events": 19})
