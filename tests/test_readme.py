"""The README: two commands first, a data dictionary that is the schemas', and sections analysts need."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from scripts.core.registry import load_schema
from scripts.publish.readme import COUNTS_END, COUNTS_START, END, START, render_counts, render_dictionary
from scripts.tools.load import load

from .conftest import ROOT
from .package_checks import published

README = (ROOT / "README.md").read_text(encoding="utf-8")
# the published events dated 2023-02-24 or later: what the recipes' filters must find
SINCE = sum(1 for row in published(ROOT)["events"] if row["date"] and row["date"] >= dt.date(2023, 2, 24))


def test_readme_opens_with_the_build_and_test_commands():
    head = "\n".join(README.splitlines()[:8])
    assert "make build" in head and "make test" in head


def test_ci_runs_the_readmes_test_command_the_install_check_and_installs_what_the_skipped_tests_need():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test\n" in ci and "make test-install" in ci
    for package in ("libreoffice-calc-nogui", "r-base-core", "r-cran-readr", "r-cran-jsonlite"):
        assert package in ci
    assert "test-install:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_data_dictionary_is_generated_from_the_schemas():
    section = README.split(START, 1)[1].split(END, 1)[0]
    assert section == "\n" + render_dictionary(ROOT)


def test_table_of_tables_counts_the_published_rows():

    section = README.split(COUNTS_START, 1)[1].split(COUNTS_END, 1)[0]
    assert section == "\n" + render_counts(published(ROOT), ROOT)


def test_readme_covers_loading_sources_licences_and_adding_an_article():
    for heading in ("## Load the data", "## Where the facts come from", "## Licences", "## Add an article"):
        assert heading in README


def loading_section() -> str:
    return README.split("## Load the data", 1)[1].split("\n## ", 1)[0]


def code_blocks(language: str, text: str | None = None) -> list[str]:
    """The fenced code blocks of one language in the loading section (or in `text`)."""
    return [b.split("```", 1)[0] for b in (text or loading_section()).split(f"```{language}\n")[1:]]


SCHEMA_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def assert_schema_types(frame: pd.DataFrame, table: str) -> None:
    """Every column of a pandas frame has the dtype of its schema type: text as string (never a number), integers as
    nullable Int64 (never float), dates as datetime64 (any unit)."""
    fields = load_schema(table)["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    for field in fields:
        dtype = frame[field["name"]].dtype
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_dtype(dtype), (field["name"], dtype)
        else:
            assert dtype == SCHEMA_DTYPES[field["type"]], (field["name"], dtype)


def same_values(frame: pd.DataFrame, table: str) -> None:
    """A recipe's frame holds the loader's values (dates compared at one resolution)."""
    dates = {f["name"]: "datetime64[ns]" for f in load_schema(table)["fields"] if f["type"] == "date"}
    pd.testing.assert_frame_equal(frame.astype(dates), load(table, ROOT / "data"))


@pytest.fixture(scope="module")
def recipes() -> dict:
    """The namespace after running every Python recipe of "Load the data", in order, from the repository's root."""
    blocks = code_blocks("python")
    assert len(blocks) >= 6
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    return namespace


def test_the_loader_recipe_gives_the_schemas_types_and_comparable_dates(recipes):
    assert_schema_types(recipes["events"], "events")
    assert recipes["events"]["date"].dtype == "datetime64[ns]"
    assert len(recipes["since"]) == SINCE and (recipes["since"]["date"] >= pd.Timestamp("2023-02-24")).all()
    assert recipes["codes"][:3] == [row["cameo_code"] for row in published(ROOT)["events"][:3]]
    assert "042" in recipes["codes"]
    assert set(recipes["events"]["date"].dt.year.dropna()) == {1991, 2022, 2023}


def test_the_plain_pandas_recipes_give_the_schemas_types_and_the_loaders_values(recipes):
    for name in ("events_pq", "events_csv", "events_xlsx"):
        assert_schema_types(recipes[name], "events")
        same_values(recipes[name], "events")
        assert (recipes[name]["date"] >= "2023-02-24").sum() == SINCE, name
        assert recipes[name]["geonames_id"].dropna().map(type).eq(int).all(), name
    assert recipes["tally"].to_dict() == {"abstain": 32, "no": 7, "non_voting": 13, "yes": 141}
    assert "042" in set(recipes["events_xlsx"]["cameo_code"])


def test_the_duckdb_recipe_reads_typed_columns_and_joins_the_link_table(recipes):
    import duckdb

    columns = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{ROOT}/data/events.parquet'").fetchall()}
    assert (columns["date"], columns["cameo_code"], columns["geonames_id"]) == ("DATE", "VARCHAR", "BIGINT")
    events = load("events", ROOT / "data")
    years = events["date"].dropna().dt.year.value_counts().sort_index()
    assert recipes["per_year"] == list(years.items())
    links = load("event_actors", ROOT / "data").merge(events, on="event_id")
    expected = links[(links["actor_id"] == "kazakhstan") & (links["date"] >= "2023-02-24")].sort_values("event_id")
    assert recipes["with_kazakhstan"] == list(zip(expected["event_id"], expected["role"]))
    assert len(recipes["with_kazakhstan"]) >= 5


def test_the_polars_recipe_reads_typed_columns(recipes):
    import polars as pl

    schema = recipes["since_pl"].schema
    assert (schema["date"], schema["cameo_code"], schema["geonames_id"]) == (pl.Date, pl.String, pl.Int64)
    assert recipes["since_pl"].height == SINCE and "042" in recipes["since_pl"]["cameo_code"].to_list()
    assert dict(recipes["tally_pl"].iter_rows()) == recipes["tally"].to_dict()


R_TYPES = {"string": "character", "integer": "integer", "number": "numeric", "boolean": "logical", "date": "Date"}
R_REPORT = """
report <- list(classes = lapply(events, function(column) class(column)[1]), since = nrow(since),
               cameo = events$cameo_code, date = format(events$date), geonames = events$geonames_id)
cat(jsonlite::toJSON(report, auto_unbox = TRUE, na = "null"))
"""


@pytest.mark.skipif(
    shutil.which("Rscript") is None,
    reason="R (Rscript) is not installed here; .ci/run installs "
    "Debian's r-base-core, r-cran-readr and r-cran-jsonlite, so CI runs this test",
)
def test_the_r_recipe_gives_the_schemas_types_and_values(tmp_path):
    [recipe] = code_blocks("r")
    script = tmp_path / "recipe.R"
    script.write_text(recipe + R_REPORT, encoding="utf-8")
    done = subprocess.run(["Rscript", str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["classes"] == {f["name"]: R_TYPES[f["type"]] for f in load_schema("events")["fields"]}
    events = load("events", ROOT / "data")
    assert report["since"] == SINCE
    assert report["cameo"] == [None if pd.isna(v) else v for v in events["cameo_code"]]
    assert report["date"] == [None if pd.isna(v) else v.date().isoformat() for v in events["date"]]
    assert report["geonames"] == [None if pd.isna(v) else int(v) for v in events["geonames_id"]]


def test_every_command_to_copy_runs_the_repositorys_python():
    """Commands name .venv/bin/python (a bare `python -m scripts...` fails on a missing module); the one bare
    python3 is the validation recipe for one's own environment."""
    for number, line in enumerate(README.splitlines(), 1):
        if line.startswith(("|", "<!--")):
            continue  # generated tables and markers quote the schemas' descriptions
        for found in re.finditer(r"(?<![/\w.])python3? -m (\S+)", line):
            assert found.group(1) == "pip", f"README.md:{number}: {line.strip()}"


def test_readme_states_how_long_build_and_test_take():
    head = "\n".join(README.splitlines()[:12])
    assert re.search(r"make build .*\d+ s", head) and re.search(r"make test .*\d+ (s|min)", head)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed here; .ci/run "
    "installs Debian's libreoffice-calc-nogui, so CI runs this test",
)
def test_readmes_libreoffice_recipe_runs(tmp_path):
    [command] = [b.split("```", 1)[0].strip() for b in loading_section().split("```sh\n")[1:] if "soffice" in b]
    command = command.replace("/tmp/calc", str(tmp_path))
    subprocess.run(
        command.replace(".venv/bin/python", sys.executable),
        shell=True,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    sheet = load_workbook(tmp_path / "events.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header == [f["name"] for f in load_schema("events")["fields"]]
    codes = [row[header.index("cameo_code")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "042" in codes
