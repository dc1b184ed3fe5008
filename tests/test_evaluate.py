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
    assert data["split"] in ("dev", "held-out-2")
    for date in gold["dates"]:
        assert date["precision"] in FORMATS
        assert date["value"] is None or re.fullmatch(FORMATS[date["precision"]], str(date["value"])), date
    for quote in gold["quotes"]:
        assert quote["kind"] in ("full", "partial", "scare")
        assert quote["kind"] != "scare" or quote.get("speaker") is None
    for vote in gold["votes"]:
        assert vote["vote"] in ("yes", "no", "abstain", "non_voting")


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

    cameo = {
        r["code"]
        for r in csv.DictReader(
            open(REPO_ROOT / "sources" / "vocabularies" / "cameo_event_codes.csv", encoding="utf-8")
        )
    }
    plover = {
        r["event_type"]
        for r in csv.DictReader(
            open(REPO_ROOT / "sources" / "vocabularies" / "plover_event_types.csv", encoding="utf-8")
        )
    }
    rows = list(csv.DictReader(open(REPO_ROOT / LEXICON / "event_verbs.csv", encoding="utf-8")))
    assert rows and all(r["cameo"] in cameo and (not r["plover"] or r["plover"] in plover) for r in rows)


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
