"""Locating cited text: exact, unique or disambiguated; the seed's quotations sit between its curly marks. (That every
span of every table equals its article is a package invariant: tests/package_checks.py.)"""

from __future__ import annotations

import pytest

from scripts.core.errors import EvidenceAmbiguous, EvidenceNotFound
from scripts.core.evidence import locate
from scripts.core.registry import load_schema
from scripts.publish.codec import read_csv_rows

from .conftest import ROOT


def test_quote_text_sits_between_quotation_marks(article_text):
    for row in read_csv_rows(ROOT / "data" / "quotes.csv", load_schema("quotes")):
        if row["source_id"] != "blinken-astana-2023-02-28":
            continue
        assert article_text[row["text_start"] - 1] == "“" and article_text[row["text_end"]] == "”"


def test_locate_refuses_text_that_is_not_in_the_article():
    with pytest.raises(EvidenceNotFound, match="not in the article"):
        locate("Blinken in Astana", "Blinken in Almaty", None, file="f", item="i", field="evidence")


def test_locate_refuses_repeated_text_without_occurrence():
    with pytest.raises(EvidenceAmbiguous, match="occurs 2 times"):
        locate("Blinken met Blinken", "Blinken", None, file="f", item="i", field="evidence")


def test_occurrence_picks_one_of_repeated_text():
    span = locate("Blinken met Blinken", "Blinken", 2, file="f", item="i", field="evidence")
    assert (span.start, span.end) == (12, 19)


def test_an_occurrence_beyond_the_last_is_refused():
    with pytest.raises(EvidenceNotFound, match="occurrence 3"):
        locate("Blinken met Blinken", "Blinken", 3, file="f", item="i", field="evidence")
