"""The evaluation corpus is sound, and the drafter meets its targets on it (a regression guard, not a timing)."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts.core.repo import LEXICON
from scripts.core.repo import ROOT as REPO_ROOT
from scripts.tools.evaluate import CORPUS, corpus_articles, evaluate, load_gold, seed_gold

FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "gold.yaml").exists())
FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def test_corpus_has_the_variety_the_issue_asks_for():
    articles = [load_gold(folder) for folder in FOLDERS]
    quotes = [q for _, _, gold in articles for q in gold["quotes"]]
    assert len(FOLDERS) >= 8
    assert any(not gold["quotes"] for _, _, gold in articles), "one article without quotes"
    assert any(published is None for _, published, _ in articles), "one undated article"
    assert {"full", "partial", "scare"} <= {q["kind"] for q in quotes}
    assert any("\n" in q["text"] for q in quotes), "a quotation across a line break"
    texts = "".join(text for text, _, _ in articles)
    assert all(mark in texts for mark in '“”‘’"«»')


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_gold_file_fits_its_article(folder):
    text, published, gold = load_gold(folder)  # every text found, else GoldError
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    assert data["split"] in ("dev", "held-out-2", "held-out-5", "held-out-7")
    for date in gold["dates"]:
        assert date["precision"] in FORMATS
        assert date["value"] is None or re.fullmatch(FORMATS[date["precision"]], str(date["value"])), date
    for quote in gold["quotes"]:
        assert quote["kind"] in ("full", "partial", "scare")
        assert quote["kind"] != "scare" or quote.get("speaker") is None
    for vote in gold["votes"]:
        assert vote["vote"] in ("yes", "no", "abstain", "non_voting")
    for event in gold["events"] or []:
        assert re.fullmatch(r"\d{3,4}", str(event["cameo"])), event


def test_seed_annotations_convert_to_gold():
    _, published, gold = seed_gold()
    assert str(published) == "2023-02-28"
    assert len(gold["quotes"]) == 5 and sum(m["kind"] == "country" for m in gold["mentions"]) > 30


def test_drafter_meets_the_targets_on_the_development_articles():
    figures = evaluate(corpus_articles(split="dev"))
    assert figures["quotes"]["f1"] >= 0.90
    assert figures["quote kind"]["f1"] >= 0.90
    assert figures["speaker"]["recall"] >= 0.85
    assert figures["dates resolved"]["recall"] >= 0.85
    assert figures["mentions: country"]["f1"] >= 0.90


def test_event_verb_dictionary_uses_codes_of_the_vocabularies():
    import csv

    def rows(path):
        with open(path, encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    cameo = {r["code"] for r in rows(REPO_ROOT / "sources" / "vocabularies" / "cameo_event_codes.csv")}
    plover = {r["event_type"] for r in rows(REPO_ROOT / "sources" / "vocabularies" / "plover_event_types.csv")}
    verbs = rows(REPO_ROOT / LEXICON / "event_verbs.csv")
    assert verbs and all(r["cameo"] in cameo and (not r["plover"] or r["plover"] in plover) for r in verbs)


def test_readme_evaluation_table_is_the_current_measurement():
    from scripts.tools.evaluate import SUMMARY_END, SUMMARY_START, measure_all, summary

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(SUMMARY_START, 1)[1].split(SUMMARY_END, 1)[0]
    assert block == "\n" + summary(measure_all()), "run python -m scripts.tools.evaluate --update-readme"


def test_gold_text_missing_from_its_article_is_refused_naming_the_file_and_item(tmp_path):
    from scripts.tools.evaluate import GoldError

    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "article.txt").write_text("Blinken met Tokayev on Tuesday.\n", encoding="utf-8")
    (folder / "gold.yaml").write_text(
        'published: "2023-02-28"\nsplit: dev\ndates:\n  - text: Wednesday\n'
        '    value: "2023-02-22"\n    precision: day\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=r"broken/gold.yaml dates\[0\]: 'Wednesday' is not in the article"):
        load_gold(folder)


def test_events_are_matched_by_overlapping_evidence_and_scored_on_the_cameo_root():
    from collections import Counter

    from scripts.tools.evaluate import KINDS, score_events

    gold = [
        {"start": 0, "end": 30, "cameo": "071"},
        {"start": 40, "end": 60, "cameo": "040"},
        {"start": 70, "end": 80, "cameo": "190"},
    ]
    draft = [
        {"start": 10, "end": 20, "cameo": "160"},
        {"start": 5, "end": 35, "cameo": "070"},
        {"start": 45, "end": 50, "cameo": "046"},
        {"start": 90, "end": 95, "cameo": "190"},
    ]
    counts = {kind: Counter() for kind in KINDS}
    score_events(counts, gold, draft)
    assert counts["events"] == Counter(gold=3, draft=4, hits=2)
    assert counts["event CAMEO root"] == Counter(gold=2, draft=2, hits=2)


def test_articles_without_annotated_events_are_not_scored_on_events():
    text, _, gold = load_gold(CORPUS / "reuters-unga-anniversary-vote")
    assert gold["events"] is None
