"""The README: two commands first, a data dictionary that is the schemas', and sections analysts need."""
from __future__ import annotations

from scripts.docs import END, START, render_dictionary

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


def test_readmes_python_loading_recipes_run(monkeypatch):
    section = README.split("## Load the data", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```python\n")[1:]]
    assert len(blocks) >= 2
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["votes"].groupby("vote").size().to_dict() == {"abstain": 32, "no": 7, "non_voting": 13, "yes": 141}
    assert namespace["events"]["cameo_code"].dropna().str.len().min() >= 3
