"""The README: two commands first, a data dictionary that is the schemas', and sections analysts need."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from scripts.core.registry import TABLES, load_schema
from scripts.publish.readme import END, START, render_dictionary

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_build_and_test_commands():
    head = "\n".join(README.splitlines()[:8])
    assert "make build" in head and "make test" in head


def test_ci_runs_the_readmes_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_data_dictionary_is_generated_from_the_schemas():
    section = README.split(START, 1)[1].split(END, 1)[0]
    assert section == "\n" + render_dictionary(ROOT)


def test_readme_covers_loading_sources_licences_and_adding_an_article():
    for heading in ("## Load the data", "## Where the facts come from", "## Licences", "## Add an article"):
        assert heading in README


def loading_section() -> str:
    return README.split("## Load the data", 1)[1].split("\n## ", 1)[0]


def test_readmes_python_loading_recipes_run_and_agree(monkeypatch):
    blocks = [b.split("```", 1)[0] for b in loading_section().split("```python\n")[1:]]
    assert len(blocks) >= 5
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    tally = {"abstain": 32, "no": 7, "non_voting": 13, "yes": 141}
    assert namespace["tally"].to_dict() == tally
    assert dict(namespace["tally_pl"].iter_rows()) == tally
    years = namespace["events"]["date"].dropna().map(lambda d: d.year).value_counts().sort_index()
    assert namespace["per_year"] == list(years.items())
    assert namespace["events_csv"]["cameo_code"].dropna().str.len().min() >= 3
    assert list(namespace["sheets"]) == ["About", *TABLES]
    assert len(namespace["sheets"]["votes"]) == 193


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here; CI installs it"
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
