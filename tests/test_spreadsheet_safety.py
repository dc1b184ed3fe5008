"""No published CSV text cell starts like a spreadsheet formula; such text is stored escaped, and nothing is lost."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq

from scripts.build import build
from scripts.core.registry import load_schema
from scripts.publish.codec import FORMULA_START, escape_cell, read_csv_rows, unescape_cell

from .hostile import add_source

QUOTED = ["=SUM(A1:A9)*cmd|calc", "-1 for the regime", "@everyone out", "+7 days"]
HOSTILE = (
    f"Protesters chanted “{QUOTED[0]}” and “{QUOTED[1]}”, a sign read “{QUOTED[2]}” and another "
    f"“{QUOTED[3]}”, officials said."
)
HOSTILE_ID = "hostile-quotes"
CUES = ["chanted", "chanted", "a sign read", "another"]
ANNOTATIONS = "mentions: {}\nevents: []\nquotes:\n" + "".join(
    f"  - id: q-hostile-{n}\n    kind: scare\n    text: '{text}'\n    attribution: {cue}\n    date_basis: Not dated.\n"
    for n, (text, cue) in enumerate(zip(QUOTED, CUES))
)


def add_hostile_article(root):
    add_source(HOSTILE_ID, HOSTILE, ANNOTATIONS)(root)


def test_hostile_quotes_are_published_escaped_in_csv_and_whole_in_parquet(repo):
    add_hostile_article(repo)
    build(repo, out=lambda line: None)  # frictionless validates the written CSV inside the build
    text = (repo / "data" / "quotes.csv").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert sorted(cell for cell in cells if cell.startswith("'")) == sorted("'" + q for q in QUOTED)
    assert set(QUOTED) <= set(pq.read_table(repo / "data" / "quotes.parquet").to_pydict()["text"])
    rows = [
        row
        for row in read_csv_rows(repo / "data" / "quotes.csv", load_schema("quotes"))
        if row["source_id"] == "hostile-quotes"
    ]
    assert sorted(row["text"] for row in rows) == sorted(QUOTED)
    assert all(HOSTILE[row["text_start"] : row["text_end"]] == row["text"] for row in rows)  # nothing is lost


def test_the_escape_is_reversible_for_every_leading_character():
    for text in ["=1+1", "+7", "-1", "@x", "\tx", "\rx", "'quoted", "''twice", "plain", "", "'"]:
        assert unescape_cell(escape_cell(text)) == text
        assert not escape_cell(text).startswith(FORMULA_START)
