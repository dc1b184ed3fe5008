"""Quotations: pairs of marks of every kind, full / partial / scare, and who said them."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.core.quotation import find_quote_spans
from scripts.draft import draft_article

DAY = dt.date(2024, 3, 15)


def quotes(text: str) -> list[dict]:
    return draft_article(text, DAY)["quotes"]


def only(text: str) -> dict:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("“We will stay,” she said.", "We will stay,"),
        ('"We will stay," she said.', "We will stay,"),
        ("The ‘reliable partner’ card.", "reliable partner"),
        ("«Nous restons», a-t-il dit.", "Nous restons"),
    ],
)
def test_every_kind_of_mark_is_a_quotation(text, inner):
    assert [q["text"] for q in quotes(text)] == [inner]


def test_apostrophes_are_not_quotation_marks():
    text = "Kazakhstan’s leaders’ meeting didn’t end; the ’90s are over. Russia's envoy won't say."
    assert find_quote_spans(text) == []


def test_nested_quotation_inside_a_double_quoted_one():
    text = "“He told me ‘never again’, and I believed him,” said Anna Petrova, a refugee."
    found = {q["text"]: q for q in quotes(text)}
    assert found["never again"]["nested"] is True
    assert found["He told me ‘never again’, and I believed him,"]["speaker"] == "Anna Petrova"


def test_quotation_across_a_line_break():
    text = "“We agreed to remove the requirement for a plan. That will change the path\nfor Ukraine,” Jens Stoltenberg said."
    quote = only(text)
    assert "\n" in quote["text"] and quote["speaker"] == "Jens Stoltenberg"


def test_quotation_continued_in_a_new_paragraph_ends_with_its_paragraph():
    text = "“First paragraph of a long quote.\n“Second paragraph,” said Foreign Minister Annalena Baerbock."
    texts = [q["text"] for q in quotes(text)]
    assert texts == ["First paragraph of a long quote.", "Second paragraph,"]


@pytest.mark.parametrize(
    "text, speaker, verb",
    [
        ("“We have a lot to offer,” said Donald Lu, the senior diplomat.", "Donald Lu", "said"),
        ("“We have a lot to offer,” Donald Lu told reporters.", "Donald Lu", "told"),
        ("Secretary of State Antony Blinken said: “We have a lot to offer.”", "Antony Blinken", "said"),
        ("According to Sergei Lavrov, “the talks are over.”", "Sergei Lavrov", "according to"),
        ("“The talks are over,” the Kremlin said in a statement.", "Kremlin", "said"),
    ],
)
def test_speaker_before_or_after_the_quotation(text, speaker, verb):
    quote = only(text)
    assert (quote["kind"], quote["speaker"], quote["verb"]) == ("full", speaker, verb)


def test_surname_and_pronoun_refer_back_to_the_full_name():
    text = (
        "German Foreign Minister Annalena Baerbock met Kazakh officials on Monday.\n"
        "“We will not look away,” Baerbock said.\n"
        "“Germany is a reliable partner,” she added."
    )
    assert [q["speaker"] for q in quotes(text)] == ["Annalena Baerbock", "Annalena Baerbock"]


def test_addressee_of_told():
    quote = only("“We support your sovereignty,” Antony Blinken told his Kazakh counterpart Mukhtar Tileuberdi.")
    assert quote["addressee"] == "Mukhtar Tileuberdi"


def test_partial_quote_is_attributed_to_the_subject_of_the_reporting_verb():
    quote = only("Antony Blinken reaffirmed Tuesday that the United States “intends to strengthen” its ties.")
    assert (quote["kind"], quote["speaker"], quote["verb"]) == ("partial", "Antony Blinken", "reaffirmed")


@pytest.mark.parametrize(
    "text",
    [
        "The US is playing the “reliable partner” card in the region.",
        "Russia calls it a so-called “special military operation”.",
    ],
)
def test_marks_that_quote_no_one_are_scare_quotes(text):
    quote = only(text)
    assert quote["kind"] == "scare" and "speaker" not in quote
