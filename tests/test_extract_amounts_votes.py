"""Amounts with units and what they measure; statements of how states voted."""

from __future__ import annotations

import datetime as dt

from scripts.draft import draft_article


def draft(text: str) -> dict:
    return draft_article(text, dt.date(2023, 2, 28))


def test_border_length_becomes_a_border_between_the_sentence_countries():
    [amount] = draft("Kazakhstan shares a 7,500 km border with Russia.")["amounts"]
    assert (amount["value"], amount["unit"], amount["measures"], amount["countries"]) == (
        7500,
        "km",
        "border length",
        ["KAZ", "RUS"],
    )


def test_money_percentages_counts_and_tallies():
    found = draft("The EU pledged €1.2 billion and $60 billion; 40% of voters, 141 votes to 7 and four regions.")[
        "amounts"
    ]
    assert [(a["text"], a["value"], a["unit"]) for a in found] == [
        ("€1.2 billion", 1_200_000_000, "EUR"),
        ("$60 billion", 60_000_000_000, "USD"),
        ("40%", 40, "percent"),
        ("141 votes", 141, "votes"),
        ("four regions", 4, "regions"),
    ]


def test_states_and_their_votes_in_one_sentence():
    votes = draft(
        "In the UN General Assembly, Kazakhstan and Kyrgyzstan abstained, while Turkmenistan did not vote "
        "and Georgia voted in favour. Russia voted against, joined by Belarus."
    )["votes"]
    assert [(v["iso3"], v["vote"]) for v in votes] == [
        ("KAZ", "abstain"),
        ("KGZ", "abstain"),
        ("TKM", "non_voting"),
        ("GEO", "yes"),
        ("RUS", "no"),
        ("BLR", "no"),
    ]
    assert votes[0]["body"] == "UN General Assembly"


def test_countries_that_are_objects_or_modifiers_did_not_vote():
    votes = draft("Armenia, a country with close ties to Moscow, abstained on the Russian draft.")["votes"]
    assert [(v["iso3"], v["vote"]) for v in votes] == [("ARM", "abstain")]


def test_events_are_coded_from_the_verb_dictionary():
    [event] = draft("On Tuesday, Antony Blinken expressed support for Kazakhstan’s sovereignty.")["events"]
    assert (
        event["cameo"],
        event["plover"],
        event["source_id"],
        event["target_id"],
        event["date"],
        event["status"],
    ) == ("051", "SUPPORT", "antony-blinken", "kazakhstan", "2023-02-28", "happened")


def test_future_events_are_planned():
    [event] = draft("Blinken will visit Uzbekistan on Wednesday.")["events"]
    assert (event["cameo"], event["status"], event["date"]) == ("042", "planned", "2023-03-01")
