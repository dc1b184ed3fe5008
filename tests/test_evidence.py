"""Every evidence span of every written table is the article's own text at its offsets."""

from __future__ import annotations

import pytest

from scripts.core.errors import EvidenceAmbiguous, EvidenceNotFound
from scripts.core.evidence import locate
from scripts.core.registry import TABLES, load_schema, spans
from scripts.publish.codec import read_csv_rows

from .conftest import ROOT


@pytest.mark.parametrize("name", [t for t in TABLES if t not in ("sources", "actors")])
def test_every_span_equals_the_article_at_its_offsets(name, article_text):
    schema = load_schema(name)
    rows = read_csv_rows(ROOT / "data" / f"{name}.csv", schema)
    checked = 0
    for row in rows:
        for text, start, end in spans(schema):
            if row.get(text) is not None:
                assert article_text[row[start] : row[end]] == row[text]
                checked += 1
    assert checked > 0


def test_quote_text_sits_between_quotation_marks(article_text):
    for row in read_csv_rows(ROOT / "data" / "quotes.csv", load_schema("quotes")):
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
