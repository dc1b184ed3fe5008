"""The package opened with the tools analysts use: pandas, DuckDB, polars and LibreOffice Calc (headless)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from openpyxl import load_workbook

from scripts.build import build
from scripts.core.registry import TABLES, load_schema
from scripts.publish.codec import PANDAS_DTYPES, read_parquet_rows, unescape_cell
from scripts.publish.workbook import read_workbook_rows, workbook_name
from scripts.tools.calc_filter import csv_filter
from scripts.tools.load import FORMATS, load
from scripts.tools.load import main as load_main

from .conftest import ROOT, copy_repo
from .test_spreadsheet_safety import add_hostile_article

PANDAS = {kind: dtype for kind, dtype in PANDAS_DTYPES.items() if kind != "date"}
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed here; .ci/run "
    "installs Debian's libreoffice-calc-nogui, so CI runs these tests",
)


def read_csv_typed(path: Path, schema: dict) -> pd.DataFrame:
    """pandas.read_csv with the dtypes of the Table Schema; text cells lose the spreadsheet escape."""
    fields = schema["fields"]
    frame = pd.read_csv(
        path,
        dtype={f["name"]: PANDAS[f["type"]] for f in fields if f["type"] in PANDAS},
        parse_dates=[f["name"] for f in fields if f["type"] == "date"],
        keep_default_na=False,
        na_values={f["name"]: [""] for f in fields},
    )
    for field in fields:
        if field["type"] == "string":
            frame[field["name"]] = frame[field["name"]].str.replace(r"^'", "", regex=True)
        if field["type"] == "date":
            frame[field["name"]] = frame[field["name"]].map(lambda v: v.date() if pd.notna(v) else None).astype(object)
    return frame


@pytest.mark.parametrize("name", TABLES)
def test_pandas_read_csv_with_the_schema_types_equals_read_parquet(name):
    from_csv = read_csv_typed(ROOT / "data" / f"{name}.csv", load_schema(name))
    from_parquet = pd.read_parquet(ROOT / "data" / f"{name}.parquet")
    for field in load_schema(name)["fields"]:
        if field["type"] == "date":
            from_parquet[field["name"]] = (
                from_parquet[field["name"]].astype(object).where(from_parquet[field["name"]].notna(), None)
            )
    pd.testing.assert_frame_equal(from_csv, from_parquet, check_dtype=True)


def test_duckdb_and_polars_give_pandas_answers():
    votes = pd.read_parquet(ROOT / "data" / "votes.parquet")
    events = pd.read_parquet(ROOT / "data" / "events.parquet")
    tally = sorted(votes.groupby("vote").size().items())
    per_year = sorted(pd.Series([d.year for d in events["date"].dropna()]).value_counts().items())
    with duckdb.connect() as con:
        assert (
            con.sql(f"SELECT vote, count(*) FROM '{ROOT}/data/votes.parquet' GROUP BY vote ORDER BY vote").fetchall()
            == tally
        )
        assert (
            con.sql(
                f"SELECT year(date) AS y, count(*) FROM '{ROOT}/data/events.parquet' WHERE date IS NOT NULL "
                "GROUP BY y ORDER BY y"
            ).fetchall()
            == per_year
        )
    polars_tally = pl.read_parquet(ROOT / "data" / "votes.parquet").group_by("vote").len().sort("vote")
    assert list(polars_tally.iter_rows()) == tally
    polars_years = (
        pl.read_parquet(ROOT / "data" / "events.parquet")
        .drop_nulls("date")
        .group_by(pl.col("date").dt.year())
        .len()
        .sort("date")
    )
    assert list(polars_years.iter_rows()) == per_year
    assert tally == [("abstain", 32), ("no", 7), ("non_voting", 13), ("yes", 141)]


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory) -> Path:
    """A package built with an extra article whose quotations start like formulas."""
    root = copy_repo(tmp_path_factory.mktemp("tools") / "repo")
    add_hostile_article(root)
    build(root, out=lambda line: None)
    return root


def soffice_convert(source: Path, target: Path, infilter: str | None = None) -> Path:
    command = [SOFFICE, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(target), str(source)]
    if infilter:
        command.insert(3, f"--infilter={infilter}")
    subprocess.run(
        command, check=True, capture_output=True, timeout=300, env={"HOME": str(target), "PATH": "/usr/bin:/bin"}
    )
    return target / (source.stem + ".xlsx")


def calc_value(value: object, kind: str) -> object:
    """A cell as LibreOffice writes it back: datetimes for dates, TRUE()/FALSE() formulas for booleans."""
    if value is None:
        return None
    if kind == "date" and isinstance(value, dt.datetime):
        return value.date()
    if kind == "boolean" and isinstance(value, str) and value in ("=TRUE()", "=FALSE()"):
        return value == "=TRUE()"
    if kind == "number":
        return float(value)
    return value


@needs_soffice
@pytest.mark.parametrize("name", TABLES)
def test_libreoffice_opens_every_csv_and_the_values_survive(hostile_package, tmp_path, name):
    schema = load_schema(name)
    converted = soffice_convert(hostile_package / "data" / f"{name}.csv", tmp_path, csv_filter(schema))
    sheet = load_workbook(converted).active
    header = [c.value for c in sheet[1]]
    assert header == [f["name"] for f in schema["fields"]]
    kinds = [f["type"] for f in schema["fields"]]
    calc = [[calc_value(c.value, k) for c, k in zip(row, kinds)] for row in sheet.iter_rows(min_row=2)]
    text = (hostile_package / "data" / f"{name}.csv").read_text(encoding="utf-8")
    cells = list(csv.reader(io.StringIO(text)))[1:]
    parquet = read_parquet_rows(hostile_package / "data" / f"{name}.parquet")
    assert len(calc) == len(parquet)
    for calc_row, csv_row, row in zip(calc, cells, parquet):
        for value, cell, field in zip(calc_row, csv_row, schema["fields"]):
            expected = row[field["name"]]
            if field["type"] == "string" and expected is not None:
                assert value == cell and unescape_cell(value) == expected  # the text, escape included
            elif field["type"] == "integer" and expected is not None:
                assert value == expected
            else:
                assert value == expected, (name, field["name"])


@needs_soffice
def test_libreoffice_opens_the_workbook_and_every_sheet_survives(hostile_package, tmp_path):
    converted = soffice_convert(hostile_package / "data" / workbook_name(hostile_package), tmp_path)
    for name in TABLES:
        schema = load_schema(name)
        kinds = {f["name"]: f["type"] for f in schema["fields"]}
        rows = [
            {k: calc_value(v, kinds[k]) for k, v in row.items()} for row in read_workbook_rows(converted, name, schema)
        ]
        assert rows == read_parquet_rows(hostile_package / "data" / f"{name}.parquet"), name
    quotes = load_workbook(converted)["quotes"]
    hostile = [c for row in quotes.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert len(hostile) == 4 and all(c.data_type == "s" for c in hostile)


LOADER_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[ns]",
}


@pytest.mark.parametrize("name", TABLES)
def test_the_loader_gives_every_table_the_schemas_types_from_each_format(name):
    frames = {fmt: load(name, ROOT / "data", fmt) for fmt in FORMATS}
    expected = {f["name"]: LOADER_DTYPES[f["type"]] for f in load_schema(name)["fields"]}
    assert {column: str(dtype) for column, dtype in frames["parquet"].dtypes.items()} == expected
    pd.testing.assert_frame_equal(frames["csv"], frames["parquet"])
    pd.testing.assert_frame_equal(frames["xlsx"], frames["parquet"])
    assert len(frames["parquet"]) == len(read_parquet_rows(ROOT / "data" / f"{name}.parquet"))


def test_the_loader_undoes_the_csvs_formula_escape(hostile_package):
    quotes = {fmt: load("quotes", hostile_package / "data", fmt) for fmt in FORMATS}
    pd.testing.assert_frame_equal(quotes["csv"], quotes["parquet"])
    pd.testing.assert_frame_equal(quotes["xlsx"], quotes["parquet"])
    assert quotes["csv"]["text"].str.match(r"[=+\-@]").sum() == 4


def test_the_loaders_command_prints_the_types_and_names_unknown_tables(capsys):
    assert load_main(["events", "--format", "csv", "--data", str(ROOT / "data")]) == 0
    out = capsys.readouterr().out
    assert "cameo_code" in out and "datetime64[ns]" in out and "Int64" in out
    assert load_main(["event", "--data", str(ROOT / "data")]) == 1
    assert "no table event in the package" in capsys.readouterr().err
