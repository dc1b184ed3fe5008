"""The README, the quality report and the reference's SOURCES.md say only what is true: every sentence that states a
count or a guarantee is checked against the published data (or generated from it, and checked to be current)."""

from __future__ import annotations

import ast
import csv
import inspect
import re
from collections import Counter

from scripts.core import errors
from scripts.core.registry import TABLES, load_schema, spans
from scripts.publish.readme import SUMMARY_END, SUMMARY_START, render_claims_summary

from .conftest import ROOT
from .package_checks import articles, published

README = (ROOT / "README.md").read_text(encoding="utf-8")
REPORT = (ROOT / "data" / "quality-report.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The body of a Markdown section, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    body = text.split(heading + "\n", 1)[1]
    return re.split(rf"\n#{{1,{len(level)}}} ", body, maxsplit=1)[0]


def test_the_prose_figures_of_the_claims_are_generated_from_the_published_claims():
    block = README.split(SUMMARY_START, 1)[1].split(SUMMARY_END, 1)[0]
    assert block == "\n" + render_claims_summary(published(ROOT))
    assert re.search(r"\d+ consistent", block) and "single independent source" in block


def test_the_loading_recipes_comments_state_the_figures_the_data_give():
    tables = published(ROOT)
    tally = re.search(r"# abstain (\d+), no (\d+), non_voting (\d+), yes (\d+)", README)
    counted = Counter(row["vote"] for row in tables["votes"])
    assert [int(n) for n in tally.groups()] == [counted[v] for v in ("abstain", "no", "non_voting", "yes")]
    comment = re.search(r"\.fetchall\(\)\s+# (\[.*\])", README).group(1)
    years = Counter(row["date"].year for row in tables["events"] if row["date"] is not None)
    assert ast.literal_eval(comment) == sorted(years.items())


def test_every_named_error_is_listed_and_shown_firing_by_a_test():
    names = [
        name
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.BuildError) and cls is not errors.BuildError
    ]
    listed = README.split("The errors (`scripts/core/errors.py`):", 1)[1].split("\n\n", 1)[0]
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("*.py"))
    for name in names:
        assert f"`{name}`" in listed, f"{name} is not in the README's list of errors"
        assert f"errors.{name}" in tests or f'"{name}"' in tests, f"no test shows {name} firing"


def test_every_row_an_article_yields_carries_its_exact_words_and_the_record_rows_are_named():
    tables = published(ROOT)
    texts = articles(ROOT, tables)
    for name in TABLES:
        fields = spans(load_schema(name))
        for row in tables[name]:
            if name == "sources" or row.get("source_id") is None:
                continue
            cited = [(row[t], row[s], row[e]) for t, s, e in fields if row[t] is not None]
            assert cited, (name, row)
            assert all(texts[row["source_id"]][s:e] == t for t, s, e in cited), (name, row)
    without = {name for name in TABLES if not spans(load_schema(name))} - {"sources"}
    sentence = README.split("What sets it apart", 1)[1].split("\n\n", 1)[0]
    assert without == {"actors", "votes", "event_actors"}
    assert all(f"`{name}`" in sentence for name in ("votes", "borders", "actors", "event_actors"))
    assert all(row["evidence"] is None for row in tables["borders"] if row["source_id"] is None)


def test_the_quality_report_counts_and_lists_what_the_claims_hold():
    claims = published(ROOT)["claims"]
    verdicts = Counter(c["verdict"] for c in claims)
    glance = section(REPORT, "## At a glance")
    for verdict, count in verdicts.items():
        assert f"{count} {verdict.replace('_', ' ')}" in glance
    single = sorted(c["claim_id"] for c in claims if c["record_certainty"] == "single_source")
    listed = sorted(re.findall(r"`([a-z0-9-]+)`", section(REPORT, "## Verdicts resting on a single source")))
    assert listed == single


def rows_of(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_reference_sources_table_states_the_files_as_they_are():
    folder = ROOT / "sources" / "reference"
    text = (folder / "SOURCES.md").read_text(encoding="utf-8")
    stated = dict(re.findall(r"^\| `([a-z0-9_]+\.csv)` \| (\d+) \|", text, flags=re.M))
    assert stated and all(int(n) == len(rows_of(folder / name)) for name, n in stated.items()), stated
    entities = rows_of(folder / "entities.csv")
    filled, blank = re.search(r"(\d+) QIDs filled; (\d+) QIDs left blank", text).groups()
    assert (int(filled), int(blank)) == (
        sum(bool(r["wikidata_qid"]) for r in entities),
        sum(not r["wikidata_qid"] for r in entities),
    )
    roll = rows_of(folder / "unga_es11_6_roll_call.csv")
    confirmed, alone = re.search(r"(\d+) rows are independently confirmed; (\d+) rest on", text).groups()
    crosschecked = sum(";" in r["sources"] for r in roll)
    assert (int(confirmed), int(alone)) == (crosschecked, len(roll) - crosschecked)


def test_the_vocabularies_sources_table_states_the_files_as_they_are():
    folder = ROOT / "sources" / "vocabularies"
    text = (folder / "SOURCES.md").read_text(encoding="utf-8")
    stated = dict(re.findall(r"^\| `([a-z0-9_]+\.csv)` \| (\d+)", text, flags=re.M))
    assert len(stated) == 4 and all(int(n) == len(rows_of(folder / name)) for name, n in stated.items()), stated
