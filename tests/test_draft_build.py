"""Every draft passes the build's checks under --allow-drafts: the whole evaluation corpus and the seed, drafted into
one copy of the repository and built together (ids unique across articles), and the drafted dates of every article
under shifted publication dates (the build's date rules, scripts/core/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from scripts.build import build
from scripts.core.dates import check_dated_item
from scripts.core.registry import load_schema
from scripts.draft import draft_article
from scripts.draft.annotations import to_annotations
from scripts.publish.codec import read_csv_rows
from scripts.tools.add_article import add_article

from .conftest import ROOT, SEED

CORPUS = ROOT / "tests" / "draft_corpus"
UNDATED = dt.date(2024, 6, 3)  # the publication date given to an undated test article


def corpus() -> list[tuple[str, object, dt.date]]:
    """(source id, article path, publication date) of the seed and every test article."""
    found = [("seed-draft", ROOT / "sources" / "articles" / SEED / "article.txt", dt.date(2023, 2, 28))]
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "gold.yaml").exists()):
        published = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")).get("published")
        found.append((folder.name, folder / "article.txt", dt.date.fromisoformat(published) if published else UNDATED))
    return found


def test_every_draft_of_the_corpus_builds_together_with_allow_drafts(repo):
    articles = corpus()
    for source_id, path, published in articles:
        add_article(path, source_id, source_id, published, repo)
    build(repo, out=lambda line: None, allow_drafts=True)
    events = read_csv_rows(repo / "build" / "preview" / "data" / "events.csv", load_schema("events"))
    drafted = {row["source_id"] for row in events if row["review_status"] == "drafted"}
    assert len(drafted) >= len(articles) - 2, "nearly every article drafts an event"
    assert len({row["event_id"] for row in events}) == len(events)


@pytest.mark.parametrize("shift", [-8, -3, -1, 1, 2, 6])
def test_drafted_dates_follow_the_build_rules_whatever_the_publication_date(shift):
    for source_id, path, published in corpus():
        text = path.read_text(encoding="utf-8")
        day = published + dt.timedelta(days=shift)
        notes = to_annotations(draft_article(text, day), text, source_id)
        for item in notes["events"] + notes["quotes"]:
            check_dated_item(item, day, file=path, label=item["id"])  # InvalidDate would fail the test


def test_drafted_ids_start_with_the_source_id_and_differ_between_articles():
    ids: set[str] = set()
    for source_id, path, published in corpus()[:6]:
        text = path.read_text(encoding="utf-8")
        notes = to_annotations(draft_article(text, published), text, source_id)
        own = [item["id"] for item in notes["events"] + notes["quotes"]]
        assert all(ident.startswith(source_id[:24].rstrip("-")) for ident in own)
        assert not ids & set(own)
        ids |= set(own)


def test_a_relative_date_the_build_would_refuse_is_left_to_the_reviewer_with_the_reason():
    text = "Kazakhstan will sign the agreement with Uzbekistan, officials said on Monday.\n"
    notes = to_annotations(draft_article(text, dt.date(2023, 3, 8)), text, "planned-signing")
    [event] = notes["events"]
    assert (event["status"], event["date"]) == ("planned", None)
    assert "'Monday' resolved to 2023-03-06" in event["date_basis"] and "reviewer" in event["date_basis"]


def test_an_absolute_date_is_kept_and_the_status_follows_it_with_a_note():
    text = "Kazakhstan will sign the agreement with Uzbekistan on 23 February 2023.\n"
    notes = to_annotations(draft_article(text, dt.date(2023, 3, 8)), text, "dated-signing")
    [event] = notes["events"]
    assert (event["status"], event["date"]) == ("happened", "2023-02-23")
    assert "check the status" in event["date_basis"]


def test_a_border_length_with_a_fraction_is_left_to_the_reviewer():
    text = "Armenia and Azerbaijan agreed on a 12.7-kilometre section of their border.\n"
    notes = to_annotations(draft_article(text, dt.date(2024, 4, 20)), text, "fraction")
    assert "borders" not in notes
