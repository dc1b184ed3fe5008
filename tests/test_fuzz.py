"""Property-based tests: mutated annotation files either publish a valid package or are refused by name (never a
traceback, never a partial write); CSV and Parquet round trips through pandas keep every value."""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import yaml
from frictionless import Package, system
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.build import build
from scripts.core.errors import BuildError
from scripts.publish.codec import csv_bytes, read_csv_rows, unescape_cell, write_parquet

from .conftest import ROOT, SEED, copy_repo, tree_digest

ANN = Path("sources") / "articles" / SEED / "annotations.yaml"
SEED_ANNOTATIONS = yaml.safe_load((ROOT / ANN).read_text(encoding="utf-8"))
ARTICLE = (ROOT / "sources" / "articles" / SEED / "article.txt").read_text(encoding="utf-8")
NASTY_TEXT = st.text(
    st.sampled_from(list("aZé,;\"'“”‘’«»\n\r\t =+-@#|\\/&<>{}[]:*!?ąß中") + ["\u0301", "\u2028"]),
    min_size=1,
    max_size=30,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    NASTY_TEXT,
    st.sampled_from(
        [
            "2023-02-30",
            "1899-12-31",
            "2999-01-01",
            "2023-02-28",
            "KAZ",
            "XXX",
            "042",
            "kazakhstan",
            "nobody",
            "happened",
            "planned",
        ]
    ),
    st.lists(st.sampled_from(["KAZ", "RUS", "xx"]), max_size=3),
    st.just({}),
)
ARTICLE_SLICES = st.integers(0, len(ARTICLE) - 2).flatmap(
    lambda start: st.integers(start + 1, min(len(ARTICLE), start + 60)).map(lambda end: ARTICLE[start:end])
)


@st.composite
def mutated_annotations(draw) -> dict:
    """The seed's annotations with one to three mutations: a value replaced, a key dropped or added, an item
    duplicated, evidence replaced by another piece of the article."""
    data = copy.deepcopy(SEED_ANNOTATIONS)
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(["events", "quotes", "votes", "borders", "claims", "sentence_notes"]))
        items = data.get(section) or []
        if not items:
            continue
        item = items[draw(st.integers(0, len(items) - 1))]
        action = draw(st.sampled_from(["replace", "drop", "add", "duplicate", "evidence", "text"]))
        key = draw(st.sampled_from(sorted(item)))
        if action == "replace":
            item[key] = draw(SCALARS)
        elif action == "drop":
            del item[key]
        elif action == "add":
            item[draw(st.sampled_from(["evidance", "review", "occurrence", "early_date_reason"]))] = draw(SCALARS)
        elif action == "duplicate":
            items.append(copy.deepcopy(item))
        elif action == "evidence" and "evidence" in item:
            item["evidence"] = draw(ARTICLE_SLICES)
        elif action == "text":
            for field in ("summary", "notes", "reason", "date_basis"):
                if field in item:
                    item[field] = draw(NASTY_TEXT)
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_annotations())
def test_mutated_annotations_publish_a_valid_package_or_are_refused_by_name(tmp_path_factory, annotations):
    root = copy_repo(tmp_path_factory.mktemp("fuzz") / "repo")
    try:
        (root / ANN).write_text(yaml.safe_dump(annotations, allow_unicode=True, sort_keys=False), encoding="utf-8")
        before = tree_digest(root)
        try:
            build(root, out=lambda line: None)
        except BuildError:
            assert tree_digest(root) == before  # refused: nothing written
            return
        with system.use_context(trusted=False):
            assert Package(str(root / "datapackage.json")).validate().valid
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 40_000),
    st.sampled_from(
        ["", "\t", ":", "- ", "&x ", "*x", "!!python/object:os.system ", "\x00", "'", '"', "{", "]", "\n  ", "\ufeff"]
    ),
)
def test_damaged_yaml_text_is_refused_by_name_or_still_builds(tmp_path_factory, position, inserted):
    root = copy_repo(tmp_path_factory.mktemp("fuzz") / "repo")
    try:
        text = (root / ANN).read_text(encoding="utf-8")
        position %= len(text)
        (root / ANN).write_text(text[:position] + inserted + text[position:], encoding="utf-8")
        before = tree_digest(root)
        try:
            build(root, out=lambda line: None)
        except BuildError:
            assert tree_digest(root) == before
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


ROUND_TRIP_SCHEMA = {
    "fields": [
        {"name": "text", "type": "string"},
        {"name": "count", "type": "integer"},
        {"name": "share", "type": "number"},
        {"name": "flag", "type": "boolean"},
        {"name": "day", "type": "date"},
    ]
}
PANDAS_DTYPES = {"text": "string", "count": "Int64", "share": "Float64", "flag": "boolean"}
ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "text": st.one_of(st.none(), st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)),
            "count": st.one_of(st.none(), st.integers(-(2**53), 2**53)),
            "share": st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64)),
            "flag": st.one_of(st.none(), st.booleans()),
            "day": st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        }
    ),
    max_size=8,
)


def frame_rows(frame: pd.DataFrame) -> list[dict]:
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if value is None or pd.isna(value):
                value = None
            elif key == "count":
                value = int(value)
            elif key == "flag":
                value = bool(value)
            elif key == "day" and not isinstance(value, dt.date):
                value = dt.date.fromisoformat(str(value)[:10])
            elif key == "day" and isinstance(value, dt.datetime):
                value = value.date()
            row[key] = value
        rows.append(row)
    return rows


@settings(max_examples=200, deadline=None)
@given(ROWS)
def test_csv_through_pandas_and_back_keeps_every_value(tmp_path_factory, rows):
    data = csv_bytes(rows, ROUND_TRIP_SCHEMA)
    frame = pd.read_csv(
        io.BytesIO(data),
        dtype={**PANDAS_DTYPES, "text": "string"},
        keep_default_na=False,
        na_values={"count": [""], "share": [""], "flag": [""], "day": [""], "text": []},
        parse_dates=["day"],
        encoding="utf-8",
    )
    frame["text"] = frame["text"].map(lambda v: None if v == "" else unescape_cell(v), na_action="ignore")
    again = frame_rows(frame)
    assert again == rows
    assert csv_bytes(again, ROUND_TRIP_SCHEMA) == data
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(data)
    assert read_csv_rows(path, ROUND_TRIP_SCHEMA) == rows


@settings(max_examples=100, deadline=None)
@given(ROWS)
def test_parquet_through_pandas_and_back_keeps_every_value(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("parquet")
    write_parquet(rows, ROUND_TRIP_SCHEMA, folder / "a.parquet")
    again = frame_rows(pd.read_parquet(folder / "a.parquet"))
    assert again == rows
    write_parquet(again, ROUND_TRIP_SCHEMA, folder / "b.parquet")
    assert (folder / "a.parquet").read_bytes() == (folder / "b.parquet").read_bytes()
