"""event_actors: the link table between events and actors (one row per actor and role), with foreign keys; the
events table's actor columns are generated from it."""

from __future__ import annotations

import json
import shutil

import pytest

from scripts.core.errors import ValidationFailed
from scripts.core.registry import load_schema, package_meta
from scripts.publish.checks import validate_csv

from .conftest import ROOT
from .package_checks import check_event_actors, published


def test_event_actors_are_the_events_actor_columns():
    tables = published(ROOT)
    check_event_actors(tables["events"], tables["event_actors"])
    c5 = [
        r["actor_id"]
        for r in tables["event_actors"]
        if r["event_id"] == "c5-plus-1-ministerial-astana" and r["role"] == "other"
    ]
    assert c5 == ["mukhtar-tileuberdi", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"]


def test_the_link_table_is_registered_with_keys_and_described():
    schema = load_schema("event_actors")
    assert schema["primaryKey"] == ["event_id", "actor_id", "role"]
    assert {(k["fields"][0], k["reference"]["resource"]) for k in schema["foreignKeys"]} == {
        ("event_id", "events"),
        ("actor_id", "actors"),
    }
    assert all(field.get("description") for field in schema["fields"])
    about = next(r for r in package_meta()["resources"] if r["name"] == "event_actors")
    assert (
        about["grain"]
        and "event_actors"
        in next(f for f in load_schema("events")["fields"] if f["name"] == "other_actor_ids")["description"]
    )


@pytest.mark.parametrize(
    "row, error",
    [
        ("no-such-event,kazakhstan,other,9", "foreign key"),
        ("blinken-visits-kazakhstan,no-such-actor,other,9", "foreign key"),
        ("blinken-visits-kazakhstan,kazakhstan,host,9", 'constraint "enum"'),
        ("blinken-visits-kazakhstan,kazakhstan,target,2", "primary key"),
    ],
)
def test_frictionless_refuses_a_link_to_nothing(tmp_path, row, error):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "event_actors")
    del resource["bytes"], resource["hash"]  # the file changes: only its rows are checked
    with (tmp_path / "data" / "event_actors.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write(row + "\r\n")
    with pytest.raises(ValidationFailed, match=f"event_actors: .*{error}"):
        validate_csv(tmp_path, descriptor)
