"""The timeline picture is drawn from the published tables and shows every event it should."""

from __future__ import annotations

import re

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
