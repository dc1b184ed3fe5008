"""The timeline picture is drawn from the published tables and shows every event it should."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

import scripts.publish.overview as overview
import scripts.publish.timeline as timeline
from scripts.core.registry import TABLES
from scripts.load.vocabulary import load_vocabularies
from scripts.publish.codec import read_parquet_rows
from scripts.publish.timeline import PNG, SVG, draw_timeline

from .conftest import ROOT


def published_tables() -> dict[str, list[dict]]:
    return {name: read_parquet_rows(ROOT / "data" / f"{name}.parquet") for name in TABLES}


def test_picture_is_regenerated_from_the_data_not_edited_by_hand(tmp_path):
    draw_timeline(published_tables(), list(load_vocabularies(ROOT).plover_types), tmp_path)
    for name in (SVG, PNG):
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), f"data/{name} is stale"


def test_picture_shows_every_event_its_type_and_the_vote_tally():
    svg = (ROOT / "data" / SVG).read_text(encoding="utf-8")
    words = re.sub(r"\s+", " ", " ".join(re.findall(r">([^<]+)<", svg)))
    tables = published_tables()
    for event in tables["events"]:
        start = " ".join(event["summary"].split()[:4])
        assert start.replace('"', "&quot;") in words or start in words, event["event_id"]
        if event["date"]:
            assert event["date"].isoformat() in words
        if event["plover_type"]:
            assert event["plover_type"] in words
    assert "141 yes, 7 no, 32 abstain, 13 non-voting" in words
    assert all(year in words for year in ("1991", "2022", "2023"))
    assert "planned" in words and "Not dated by the article" in words


def many_events(tables: dict[str, list[dict]], count: int) -> dict[str, list[dict]]:
    """The seed's tables with `count` more dated events (copies of its own, on other days): the overview's size."""
    tables = copy.deepcopy(tables)
    dated = [e for e in tables["events"] if e["date"]]
    for number in range(count):
        event = {**dated[number % len(dated)], "event_id": f"extra-{number:04d}"}
        event["date"] += dt.timedelta(days=number % 90)
        tables["events"].append(event)
    return tables


@pytest.mark.parametrize("count", [0, 120], ids=["detailed picture", "overview"])
def test_a_kept_picture_is_the_one_drawn_afresh_and_a_change_it_shows_draws_it_again(tmp_path, monkeypatch, count):
    tables = many_events(published_tables(), count)
    types, cache = list(load_vocabularies(ROOT).plover_types), tmp_path / "cache"
    (tmp_path / "first").mkdir()
    draw_timeline(tables, types, tmp_path / "first", cache)
    drawn: list[str] = []
    for module, name in ((timeline, "draw_detailed"), (timeline, "draw_overview")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _draw=original, _name=name: (drawn.append(_name), _draw(*a)))
    if count:  # an event the overview does not name: the kept picture, which equals a fresh drawing
        shown = {e["event_id"] for e in overview.most_reported(dated_events(tables))}
        next(e for e in tables["events"] if e["date"] and e["event_id"] not in shown)["summary"] += " (edited)"
        assert_kept_equals_fresh(tables, types, cache, tmp_path / "unshown", drawn, expect_drawn=False)
    assert_kept_equals_fresh(tables, types, cache, tmp_path / "same", drawn, expect_drawn=False)
    named = overview.most_reported(dated_events(tables))[0] if count else dated_events(tables)[0]
    named["summary"] += " (edited)"
    assert_kept_equals_fresh(tables, types, cache, tmp_path / "shown", drawn, expect_drawn=True)
    for entry in cache.iterdir():  # a damaged entry is drawn again, never published
        entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    assert_kept_equals_fresh(tables, types, cache, tmp_path / "damaged", drawn, expect_drawn=True)


def dated_events(tables: dict[str, list[dict]]) -> list[dict]:
    return sorted((e for e in tables["events"] if e["date"]), key=lambda e: (e["date"], e["event_id"]))


def assert_kept_equals_fresh(tables, types, cache, folder, drawn: list[str], expect_drawn: bool) -> None:
    (folder / "kept").mkdir(parents=True)
    (folder / "fresh").mkdir()
    drawn.clear()
    draw_timeline(tables, types, folder / "kept", cache)
    assert bool(drawn) == expect_drawn, drawn
    draw_timeline(tables, types, folder / "fresh")
    for name in (SVG, PNG):
        assert (folder / "kept" / name).read_bytes() == (folder / "fresh" / name).read_bytes(), name
