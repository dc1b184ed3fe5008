"""Vocabularies: the schemas' enumerations agree with the cited code lists."""

from __future__ import annotations

from scripts.core.registry import load_schema
from scripts.load.inputs import read_csv
from scripts.load.vocabulary import load_vocabularies

from .conftest import ROOT


def enum(table: str, field: str) -> list[str]:
    return next(f for f in load_schema(table)["fields"] if f["name"] == field)["constraints"]["enum"]


def test_plover_enum_of_events_is_the_plover_vocabulary():
    rows = read_csv(ROOT / "sources" / "vocabularies" / "plover_event_types.csv")
    assert enum("events", "plover_type") == [row["event_type"] for row in rows]


def test_vote_values_are_the_un_values():
    assert enum("votes", "vote") == ["yes", "no", "abstain", "non_voting"]


def test_cameo_vocabulary_has_roots_and_known_labels():
    vocab = load_vocabularies(ROOT)
    assert {f"{n:02d}" for n in range(1, 21)} <= set(vocab.cameo_events)
    assert vocab.cameo_events["042"] == "Make a visit"
    assert vocab.cameo_events["1056"] == "Demand de-escalation of military engagement"


def test_actor_codes_compose_from_listed_parts():
    vocab = load_vocabularies(ROOT)
    vocab.check_cameo_actor("USAGOV", file="f", item="i")
    vocab.check_cameo_actor("IGOUNO", file="f", item="i")
