"""Mentions of countries, people and organisations, linked to ISO 3166-1 alpha-3 codes and the package's actors."""

from __future__ import annotations

import datetime as dt

from scripts.draft import draft_article


def mentions(text: str) -> list[dict]:
    return draft_article(text, dt.date(2023, 2, 28))["mentions"]


def by_text(text: str) -> dict[str, dict]:
    return {m["text"]: m for m in mentions(text)}


def test_country_names_short_names_and_demonyms_link_to_iso3_and_actors():
    found = by_text("The US and the Kazakh government, Russian troops and Kyrgyzstan, as Armenians fled.")
    assert {t: m["iso3"] for t, m in found.items()} == {
        "US": "USA",
        "Kazakh": "KAZ",
        "Russian": "RUS",
        "Kyrgyzstan": "KGZ",
        "Armenians": "ARM",
    }
    assert found["Kazakh"]["id"] == "kazakhstan"


def test_capital_is_the_government_unless_used_as_a_place():
    found = mentions("Moscow warned Kyiv. Blinken arrived in Astana on Tuesday.")
    assert [(m["text"], m["kind"], m["iso3"]) for m in found if m["text"] in ("Moscow", "Kyiv", "Astana")] == [
        ("Moscow", "country", "RUS"),
        ("Kyiv", "country", "UKR"),
        ("Astana", "place", "KAZ"),
    ]
    astana = next(m for m in found if m["text"] == "Astana")
    assert astana["geonames_id"] > 0


def test_misspelt_known_people_are_linked_by_fuzzy_match_with_a_score():
    found = by_text("US Secretary of State Anthony Blinken met Mukhtar Teleuberdi.")
    assert found["Anthony Blinken"]["id"] == "antony-blinken" and 85 <= found["Anthony Blinken"]["score"] < 100
    assert found["Mukhtar Teleuberdi"]["id"] == "mukhtar-tileuberdi"


def test_unknown_people_keep_the_name_as_written_and_surnames_refer_back():
    found = mentions("Foreign Minister Dilnoza Karimova spoke first. Later Karimova left.")
    people = [(m["text"], m["name"], m.get("id")) for m in found if m["kind"] == "person"]
    assert people == [("Dilnoza Karimova", "Dilnoza Karimova", None), ("Karimova", "Dilnoza Karimova", None)]


def test_regions_and_country_names_inside_organisation_names_are_not_countries():
    found = mentions("Latin America, Central Asia and the UN General Assembly; the Kazakh Foreign Ministry said.")
    assert [(m["text"], m["kind"]) for m in found] == [
        ("UN General Assembly", "organisation"),
        ("Kazakh Foreign Ministry", "organisation"),
    ]


def test_acronym_in_brackets_names_the_organisation_where_it_recurs():
    found = mentions("The Collective Security Treaty Organization (CSTO) met. The CSTO sent troops.")
    acronyms = [m for m in found if m["text"] == "CSTO"]
    assert len(acronyms) == 2 and {m["name"] for m in acronyms} == {"Collective Security Treaty Organization"}


def test_titles_are_not_part_of_names():
    found = mentions("Ukrainian President Volodymyr Zelensky and Sen. Rand Paul of Kentucky spoke.")
    assert [m["text"] for m in found if m["kind"] == "person"] == ["Volodymyr Zelensky", "Rand Paul"]
