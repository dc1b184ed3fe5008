"""Amounts with units and what they measure; statements of how states voted."""

from __future__ import annotations

import datetime as dt

import pytest

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
    assert (event["cameo"], event["status"], event["date"]) == ("036", "planned", "2023-03-01")  # the intent to visit


# issue 13: events from the verb frame, not from a keyword anywhere in the sentence


def test_money_given_to_help_is_aid_not_the_sanctions_it_helps_with():
    found = draft(
        "US Secretary of State Antony Blinken announced $25 million to help Central Asian countries cope "
        "with the economic fallout of Western sanctions on Russia."
    )["events"]
    assert [(e["cameo"], e["plover"], e["source_id"], e.get("target_id")) for e in found] == [
        ("071", "AID", "antony-blinken", None)
    ]


def test_a_meeting_in_a_participle_clause_is_a_meeting_of_the_main_subject():
    [event] = draft(
        "Speaking after meeting Uzbek Foreign Minister Bakhtiyor Saidov in Tashkent, Antony Blinken said "
        "the talks went well."
    )["events"]
    assert (event["cameo"], event["source_id"], event["target"]) == ("040", "antony-blinken", "Bakhtiyor Saidov")


@pytest.mark.parametrize(
    "text",
    [
        "None of the five countries has condemned the invasion.",
        "Lavrov said the talks were useful and told reporters he was satisfied.",
        "Air raid sirens warned of new strikes, and the economic fallout of Western sanctions grew.",
    ],
)
def test_no_event_without_an_actor_acting(text):
    assert draft(text)["events"] == []


@pytest.mark.parametrize(
    "text, cameo",
    [
        ("The Biden administration on Friday imposed sanctions on more than 500 companies in Russia.", "160"),
        ("Russian forces launched a new offensive in the Kharkiv region.", "190"),
        ("Kazakhstan has sent humanitarian aid to Ukraine.", "073"),
        ("Sergey Lavrov accepted an invitation to visit Bishkek in 2024.", "036"),
        ("Mr. Biden traveled to Kyiv by train.", "042"),
    ],
)
def test_event_codes_from_verbs_and_nouns_made_events(text, cameo):
    assert [e["cameo"] for e in draft(text)["events"]] == [cameo]
