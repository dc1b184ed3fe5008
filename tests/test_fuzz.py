"""Property-based tests: mutated annotation files either stage rows that hold to the package's contract or are refused
by name (never a traceback); damaged YAML text is either refused by name or loads; mutated-but-valid annotations
publish a package that frictionless passes; CSV and Parquet round trips through pandas keep every value.

The mutations run through the build's load, stage and link steps in-process, on one copy of the repository (each
example writes the whole annotations file, so nothing carries over between examples); only a few examples go on to
publish, because publishing a package costs a whole build."""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from frictionless import Package, system
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.build import build
from scripts.core.errors import BuildError
from scripts.core.registry import TABLES, load_schema, spans
from scripts.link.tables import link_tables
from scripts.load.registries import load_registries
from scripts.load.source import load_source, source_folders
from scripts.publish.codec import csv_bytes, read_csv_rows, unescape_cell, write_parquet
from scripts.stage.article import stage_article, stage_reference

from .conftest import ROOT, SEED, copy_repo, tree_digest

ANN = Path("sources") / "articles" / SEED / "annotations.yaml"
SEED_TEXT = (ROOT / ANN).read_text(encoding="utf-8")
SEED_ANNOTATIONS = yaml.safe_load(SEED_TEXT)
ARTICLE = (ROOT / "sources" / "articles" / SEED / "article.txt").read_text(encoding="utf-8")
NASTY_CHARACTERS = list("aZé,;\"'“”‘’«»\n\r\t =+-@#|\\/&<>{}[]:*!?ąß中") + ["\u0301", "\u2028"]
NASTY_TEXT = st.text(st.sampled_from(NASTY_CHARACTERS), min_size=1, max_size=30)
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


def with_formula_like_summary() -> dict:
    """The seed's annotations with an event summary that a spreadsheet would read as a formula: valid input, which
    must publish (its CSV cell escaped), so the end-to-end test always publishes at least once."""
    data = copy.deepcopy(SEED_ANNOTATIONS)
    data["events"][0]["summary"] = '=HYPERLINK("x"), “quoted”; ąß -1'
    return data


FORMULA_LIKE_SUMMARY = with_formula_like_summary()


def write_annotations(root: Path, annotations: dict) -> None:
    (root / ANN).write_text(yaml.safe_dump(annotations, allow_unicode=True, sort_keys=False), encoding="utf-8")


def stage_and_link(root: Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """The build's steps before publishing, as scripts/build.py run_stages runs them: the article texts by source id
    and the linked tables."""
    folders = source_folders(root)
    registries = load_registries(root)
    reference = stage_reference(registries)
    articles = [stage_article(folder, registries, reference, root) for folder in folders]
    tables = link_tables(articles, registries, reference)
    return {article.source_id: article.text for article in articles}, tables


@pytest.fixture(scope="module")
def staging_root(tmp_path_factory) -> Path:
    """One copy of the repository for the in-process property tests of this module."""
    return copy_repo(tmp_path_factory.mktemp("staging") / "repo")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_annotations())
def test_mutated_annotations_stage_rows_true_to_the_article_or_are_refused_by_name(staging_root, annotations):
    """Staged rows cite the article exactly (each span's text is the article's text at its offsets) and every string
    field holds text (or nothing, where the schema allows it); anything else is a named BuildError."""
    write_annotations(staging_root, annotations)
    try:
        texts, tables = stage_and_link(staging_root)
    except BuildError:
        return
    for name in TABLES:
        schema = load_schema(name)
        strings = [
            (field["name"], field.get("constraints", {}).get("required", False))
            for field in schema["fields"]
            if field["type"] == "string"
        ]
        for row in tables[name]:
            for field, required in strings:
                assert isinstance(row[field], str) or (row[field] is None and not required), (name, field, row)
            for text, start, end in spans(schema):
                if row[text] is not None:
                    assert texts[row["source_id"]][row[start] : row[end]] == row[text], (name, text, row)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@example(FORMULA_LIKE_SUMMARY)
@given(mutated_annotations())
def test_mutated_annotations_publish_a_valid_package_or_are_refused_by_name(tmp_path_factory, annotations):
    """End to end: the whole build on mutated annotations publishes a package that frictionless passes, or publishes
    nothing at all."""
    root = copy_repo(tmp_path_factory.mktemp("fuzz") / "repo")
    try:
        write_annotations(root, annotations)
        before = tree_digest(root)
        try:
            build(root, out=lambda line: None)
        except BuildError:
            assert annotations != FORMULA_LIKE_SUMMARY, "valid annotations were refused"
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
def test_damaged_yaml_text_is_refused_by_name_or_still_loads(staging_root, position, inserted):
    """The annotations file with one piece of YAML syntax inserted anywhere: the source folder loads, or the load
    is refused with a named error."""
    position %= len(SEED_TEXT)
    (staging_root / ANN).write_text(SEED_TEXT[:position] + inserted + SEED_TEXT[position:], encoding="utf-8")
    try:
        article, annotations = load_source(staging_root / ANN.parent, staging_root)
    except BuildError:
        return
    assert article.text == ARTICLE and isinstance(annotations, dict)


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
