"""The data's contract for the seed article: the facts an analyst relies on, with their dates and codes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from .conftest import ROOT, SEED


def table(name: str) -> pd.DataFrame:
    """The published rows of the seed article (every table's rows that carry a source; reference rows whole): these
    facts hold whatever other articles the package holds."""
    frame = pd.read_parquet(ROOT / "data" / f"{name}.parquet")
    if name in ("events", "reports", "quotes", "mentions", "claims", "vote_statements"):
        frame = frame[frame["source_id"] == SEED]
    return frame


@pytest.fixture(scope="module")
def events():
    return table("events").set_index("event_id")


def test_source_is_dated_tuesday_2023_02_28_with_its_derivation():
    source = table("sources").set_index("source_id").loc[SEED]
    assert source["published"] == dt.date(2023, 2, 28) and source["published"].weekday() == 1
    assert "On Tuesday" in source["published_derivation"] and "2022-02-24" in source["published_derivation"]
    assert source["language"] == "en" and pd.isna(source["outlet"])
    assert "he will meet with Blinken" in source["translation_note"]
    assert source["title_is_curated"] and source["sentences_covered"] == source["sentence_count"] == 12


@pytest.mark.parametrize(
    "event_id, date, status, cameo, plover",
    [
        ("blinken-visits-kazakhstan", dt.date(2023, 2, 28), "happened", "042", "CONSULT"),
        ("blinken-supports-kazakh-sovereignty", dt.date(2023, 2, 28), "happened", "051", "SUPPORT"),
        ("kazakhstan-hosts-blinken", dt.date(2023, 2, 28), "happened", "043", "CONSULT"),
        ("c5-plus-1-ministerial-astana", dt.date(2023, 2, 28), "planned", "036", "AGREE"),
        ("blinken-meets-tokayev", dt.date(2023, 2, 28), "planned", "036", "AGREE"),
        ("blinken-leaves-for-uzbekistan", dt.date(2023, 2, 28), "planned", "036", "AGREE"),
        ("blinken-reaffirms-intent-to-strengthen-ties", dt.date(2023, 2, 28), "happened", "030", "AGREE"),
        ("russian-invasion-of-ukraine", dt.date(2022, 2, 24), "happened", "190", "ASSAULT"),
        ("first-anniversary-of-invasion", dt.date(2023, 2, 24), "happened", None, None),
        ("putin-names-protection-of-russian-speakers", None, "happened", "010", None),
        ("kazakhstan-multifaceted-diplomacy", dt.date(1991, 12, 26), "ongoing", "050", "SUPPORT"),
        ("unga-vote-es-11-6", dt.date(2023, 2, 23), "happened", "1056", "DEMAND"),
        ("collapse-of-soviet-union", dt.date(1991, 12, 26), "happened", None, None),
    ],
)
def test_required_events_with_dates_and_codes(events, event_id, date, status, cameo, plover):
    row = events.loc[event_id]
    assert row["date"] == date and row["status"] == status
    assert (None if pd.isna(row["cameo_code"]) else row["cameo_code"]) == cameo
    assert (None if pd.isna(row["plover_type"]) else row["plover_type"]) == plover
    if cameo is None or plover is None:
        assert row["coding_note"]


def test_event_dates_keep_the_words_they_came_from(events):
    assert events.loc["blinken-visits-kazakhstan", "date_expression"] == "On Tuesday"
    assert events.loc["unga-vote-es-11-6", "date_expression"] == "Thursday"
    diplomacy = events.loc["kazakhstan-multifaceted-diplomacy"]
    assert (
        diplomacy["date_expression"] == "after the collapse of the Soviet Union"
        and diplomacy["date_qualifier"] == "after"
    )


def test_weekday_words_fall_on_their_dates(events):
    for _, row in events.dropna(subset=["date_expression", "date"]).iterrows():
        for number, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]):
            if day in row["date_expression"]:
                assert row["date"].weekday() == number


def test_astana_meetings_are_placed_with_geonames(events):
    for event_id in ("blinken-visits-kazakhstan", "c5-plus-1-ministerial-astana", "blinken-meets-tokayev"):
        row = events.loc[event_id]
        assert row["place_name"] == "Astana" and row["geonames_id"] == 1526273
        assert abs(row["latitude"] - 51.18) < 0.01 and abs(row["longitude"] - 71.45) < 0.01


def test_garbled_c5_plus_1_sentence_is_kept_verbatim_and_explained(events):
    row = events.loc["c5-plus-1-ministerial-astana"]
    assert "he will meet with Blinken, who is also foreign minister" in row["evidence"]
    assert "four of the five" in row["notes"] and "kazakhstan" in row["other_actor_ids"]


def test_every_pair_of_quotation_marks_is_a_classified_quote():
    quotes = table("quotes").set_index("quote_id")
    assert len(quotes) == 5
    assert quotes.loc["q-reliable-partner", "kind"] == "scare" and pd.isna(
        quotes.loc["q-reliable-partner", "speaker_actor_id"]
    )
    partial = quotes.loc["q-blinken-intends-to-strengthen"]
    assert (partial["text"], partial["completeness"], partial["speaker_actor_id"]) == (
        "intends to strengthen",
        "partial",
        "antony-blinken",
    )
    first = quotes.loc["q-blinken-supports-sovereignty"]
    assert first["addressee_actor_id"] == "mukhtar-tileuberdi" and first["reporting_verb"] == "told"
    lu = quotes.loc["q-lu-lot-to-offer"]
    assert lu["speaker_actor_id"] == "donald-lu" and lu["date"] is None and "not found verbatim" in lu["date_basis"]


def test_votes_add_up_to_the_official_tally():
    votes = table("votes")
    assert len(votes) == 193 and votes["iso3"].is_unique
    assert votes["vote"].value_counts().to_dict() == {"yes": 141, "abstain": 32, "non_voting": 13, "no": 7}
    assert set(votes["vote_date"]) == {dt.date(2023, 2, 23)} and set(votes["resolution_symbol"]) == {"A/RES/ES-11/6"}


def test_votes_the_article_speaks_of_are_the_central_asian_five():
    votes = table("votes").set_index("iso3")
    statements = table("vote_statements")
    said = statements[statements["source_id"] == SEED].set_index("iso3")
    assert sorted(said.index) == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert set(said["article_says"]) == {"abstained or did not participate"}
    assert set(said["event_id"]) == {"central-asian-states-abstain-or-skip-vote"}
    spoken = votes.loc[said.index]
    assert spoken.loc["TKM", "vote"] == "non_voting" and set(spoken.drop("TKM")["vote"]) == {"abstain"}
    assert (
        votes.loc["USA", "vote"] == "yes"
        and votes.loc["RUS", "vote"] == "no"
        and votes.loc["USA", "statement_count"] == 0
    )


def test_kazakhstan_russia_border_as_stated_and_as_recorded():
    borders = table("borders").set_index("border_id")
    stated = borders.loc[f"KAZ-RUS-{SEED}"]
    recorded = borders.loc["KAZ-RUS-cia-world-factbook"]
    assert (stated["length_km"], stated["as_written"], stated["value_origin"]) == (7500, "7,500 km", "article")
    assert (recorded["length_km"], recorded["value_origin"]) == (7644, "cia_world_factbook")
    assert "-144 km" in stated["notes"]


def test_borders_cover_every_central_asian_state():
    borders = table("borders")
    recorded = borders[borders["value_origin"] == "cia_world_factbook"]
    assert len(recorded) == 15
    for iso3 in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        assert ((recorded["iso3_a"] == iso3) | (recorded["iso3_b"] == iso3)).any()


def test_actors_carry_only_cited_identifiers():
    actors = table("actors").set_index("actor_id")
    for unverified in ("antony-blinken", "mukhtar-tileuberdi", "donald-lu", "c5-plus-1"):
        assert pd.isna(actors.loc[unverified, "wikidata_qid"]) and "NOT verified" in actors.loc[unverified, "qid_note"]
    assert actors.loc["vladimir-putin", "wikidata_qid"] == "Q7747"
    assert actors.loc["kazakhstan", "iso3"] == "KAZ" and actors.loc["kazakhstan", "wikidata_qid"] == "Q232"
    assert (
        actors.loc["antony-blinken", "cameo_code"] == "USAGOV"
        and actors.loc["russian-military", "cameo_code"] == "RUSMIL"
    )


def test_actors_list_every_way_the_article_writes_them():
    actors = table("actors").set_index("actor_id")
    assert actors.loc["antony-blinken", "names_in_sources"] == "Anthony Blinken | Blinken"
    assert "his Kazakh counterpart" in actors.loc["mukhtar-tileuberdi", "names_in_sources"]
    assert "Mukhtar Teleuberdi" in actors.loc["mukhtar-tileuberdi", "names_in_sources"]
    assert "the senior State Department diplomat" in actors.loc["donald-lu", "names_in_sources"]


def test_mentions_never_count_a_name_inside_a_longer_name_of_the_same_actor():
    mentions = table("mentions")
    blinken = mentions[mentions["actor_id"] == "antony-blinken"]
    for _, full in blinken[blinken["text"] == "Anthony Blinken"].iterrows():
        assert not ((blinken["text_start"] > full["text_start"]) & (blinken["text_end"] <= full["text_end"])).any()


@pytest.mark.parametrize(
    "as_written, km",
    [("7,500 km", 7500), ("7,600-kilometer", 7600), ("1,113-km", 1113), ("2 219 kilometres", 2219), ("many km", None)],
)
def test_a_border_length_is_read_as_news_writes_it(as_written, km):
    from scripts.stage.border import parse_km

    assert parse_km(as_written) == km
