"""The package's invariants, true of any set of sources: checked on the published checkout and on a copy that holds
more articles (tests/test_many_articles.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from scripts.core.quotation import find_quote_spans
from scripts.core.registry import TABLES, load_schema, spans
from scripts.publish.checks import validate_csv
from scripts.publish.codec import read_csv_rows, read_parquet_rows


def published(root: Path) -> dict[str, list[dict]]:
    return {name: read_csv_rows(root / "data" / f"{name}.csv", load_schema(name)) for name in TABLES}


def articles(root: Path, tables: dict[str, list[dict]]) -> dict[str, str]:
    return {row["source_id"]: (root / row["path"]).read_text(encoding="utf-8") for row in tables["sources"]}


def check_package(root: Path) -> dict[str, list[dict]]:
    """Every invariant of a built package; returns its tables."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    validate_csv(root, descriptor)  # frictionless: schemas, primary and foreign keys
    tables = published(root)
    texts = articles(root, tables)
    for name in TABLES:
        assert read_parquet_rows(root / "data" / f"{name}.parquet") == tables[name], name
        check_spans(name, tables[name], texts)
    check_quotes(tables["quotes"], texts)
    check_reports(tables["events"], tables["reports"])
    check_event_actors(tables["events"], tables["event_actors"])
    check_statements(tables["votes"], tables["vote_statements"])
    assert all(row["sentences_covered"] == row["sentence_count"] for row in tables["sources"])
    return tables


def check_spans(name: str, rows: list[dict], texts: dict[str, str]) -> None:
    for row in rows:
        for text, start, end in spans(load_schema(name)):
            if row[text] is not None:
                assert texts[row["source_id"]][row[start] : row[end]] == row[text], (name, row)


def check_quotes(quotes: list[dict], texts: dict[str, str]) -> None:
    """Every quotation is the text inside a pair of quotation marks of its article, and every pair is a quotation."""
    for source_id, text in texts.items():
        pairs = {(start + 1, end) for start, end, _ in find_quote_spans(text) if text[start + 1 : end].strip()}
        rows = {(q["text_start"], q["text_end"]) for q in quotes if q["source_id"] == source_id}
        assert rows == pairs, source_id


def check_reports(events: list[dict], reports: list[dict]) -> None:
    """Each event has its reports, one of which defines it; the counts on the event are the reports'."""
    by_event = Counter(r["event_id"] for r in reports)
    sources = {e["event_id"]: {r["source_id"] for r in reports if r["event_id"] == e["event_id"]} for e in events}
    for event in events:
        assert event["report_count"] == by_event[event["event_id"]] >= 1
        assert event["source_count"] == len(sources[event["event_id"]])
        defining = [r for r in reports if r["event_id"] == event["event_id"] and r["defines_event"]]
        assert len(defining) == 1 and defining[0]["source_id"] == event["source_id"]


def check_statements(votes: list[dict], statements: list[dict]) -> None:
    counted = Counter((s["resolution_symbol"], s["iso3"]) for s in statements)
    for row in votes:
        assert row["statement_count"] == counted[(row["resolution_symbol"], row["iso3"])]


ROLE_COLUMNS = {"source": "source_actor_id", "target": "target_actor_id", "place": "place_actor_id"}


def check_event_actors(events: list[dict], links: list[dict]) -> None:
    """The event_actors rows of each event are its actor columns: one row per source, target and place, one per
    other actor in the order of other_actor_ids (which is generated from them)."""
    for event in events:
        rows = [r for r in links if r["event_id"] == event["event_id"]]
        for role, column in ROLE_COLUMNS.items():
            assert [r["actor_id"] for r in rows if r["role"] == role] == ([event[column]] if event[column] else [])
        others = sorted((r for r in rows if r["role"] == "other"), key=lambda r: r["position"])
        assert [r["position"] for r in others] == list(range(1, len(others) + 1))
        assert ";".join(r["actor_id"] for r in others) == (event["other_actor_ids"] or "")
    assert {r["event_id"] for r in links} <= {e["event_id"] for e in events}
