"""The published package: valid, described with true hashes, the same in CSV and Parquet, fresh and reproducible."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest
from frictionless import Package, system

from scripts.core.registry import TABLES, load_schema
from scripts.publish.codec import read_csv_rows, read_parquet_rows

from .conftest import ROOT, tree_digest

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = [r["name"] for r in DESCRIPTOR["resources"]]


@pytest.fixture(scope="module")
def report():
    with system.use_context(trusted=False):
        return Package(str(ROOT / "datapackage.json")).validate()


@pytest.mark.parametrize("resource", RESOURCES)
def test_frictionless_validates_every_resource_in_every_format(report, resource):
    task = next(t for t in report.tasks if t.name == resource)
    assert task.valid, [e.message for e in task.errors][:3]


def test_package_lists_every_table_in_csv_parquet_and_the_workbook():
    assert list(TABLES) + [f"{name}-{fmt}" for fmt in ("parquet", "xlsx") for name in TABLES] == RESOURCES


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=RESOURCES)
def test_descriptor_records_each_files_bytes_and_hash(resource):
    integrity = resource.get("x_integrity", resource)
    data = (ROOT / resource["path"]).read_bytes()
    assert integrity["bytes"] == len(data)
    assert integrity["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", TABLES)
def test_descriptor_schema_is_the_schema_file(name):
    csv_resource = next(r for r in DESCRIPTOR["resources"] if r["name"] == name)
    assert csv_resource["schema"] == load_schema(name)


@pytest.mark.parametrize("name", TABLES)
def test_csv_and_parquet_hold_identical_rows(name):
    schema = load_schema(name)
    assert read_csv_rows(ROOT / "data" / f"{name}.csv", schema) == read_parquet_rows(ROOT / "data" / f"{name}.parquet")


@pytest.mark.parametrize("name", TABLES)
def test_schema_describes_every_field(name):
    schema = load_schema(name)
    assert schema["primaryKey"]
    for field in schema["fields"]:
        assert field.get("description", "").strip(), f"{name}.{field['name']} has no description"


@pytest.mark.parametrize("name", TABLES)
def test_csv_is_utf8_rfc4180_with_no_formula_cells(name):
    data = (ROOT / "data" / f"{name}.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for row in read_csv_rows(ROOT / "data" / f"{name}.csv", load_schema(name)):
        for value in row.values():
            assert not (isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("name", TABLES)
def test_parquet_types_come_back_as_typed_values(name):
    frame = pd.read_parquet(ROOT / "data" / f"{name}.parquet")
    for field in load_schema(name)["fields"]:
        column = frame[field["name"]]
        if field["type"] == "integer":
            assert str(column.dtype) == "Int64"
        elif field["type"] == "boolean":
            assert str(column.dtype) == "boolean"
        elif field["type"] == "date":
            assert all(v is None or type(v).__name__ == "date" for v in column)
        elif field["type"] == "string":
            assert (column.dropna() != "").all(), f"{name}.{field['name']} has empty strings for missing"


def test_missing_values_are_missing_in_parquet_not_empty_strings():
    events = pd.read_parquet(ROOT / "data" / "events.parquet").set_index("event_id")
    lu = events.loc["lu-offers-economic-engagement"]
    assert lu["date"] is None and pd.isna(lu["date_precision"]) and pd.isna(lu["geonames_id"])


def test_published_package_is_not_stale(rebuilt):
    assert tree_digest(rebuilt) == tree_digest(ROOT), "data/ is stale: run `make build` and commit the result"
    assert (rebuilt / "README.md").read_bytes() == (ROOT / "README.md").read_bytes(), "README data dictionary is stale"


def test_build_is_deterministic(rebuilt, tmp_path):
    from scripts.build import build

    from .conftest import copy_repo

    again = copy_repo(tmp_path / "again")
    build(again, out=lambda line: None)
    assert tree_digest(again) == tree_digest(rebuilt)
