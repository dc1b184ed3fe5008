"""Issue 16's hostile inputs (tests/hostile_more.py): each refused with its named error in one line naming file, item,
field and fix, printing no file it refused, data/ byte-identical; and what must come out right: text drawn as text
(no mathtext), HTML in the quality report as text, dates before 1900-03-01 as ISO text in the workbook, grapheme
boundaries, linear quotation pairing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scripts.build import build
from scripts.core import errors
from scripts.core.evidence import is_grapheme_boundary
from scripts.core.registry import TABLES, load_schema
from scripts.publish.workbook import check_cells

from .conftest import SEED, tree_digest
from .hostile import ANNOTATIONS
from .hostile_more import CASES, SUMMARY

SECRET = "secret line"  # words of the long text metadata-a-long-text writes, never to be printed


def build_in_thread(repo: Path, timeout: float = 120) -> BaseException | None:
    """Run the build, failing the test (not hanging it) if it does not answer in time (a FIFO would block)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            build(repo, out=lambda line: None)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    assert outcome, f"the build did not answer within {timeout} s"
    return outcome[0]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_more_hostile_input_is_refused_cleanly(repo, case):
    before = tree_digest(repo)
    case.apply(repo)
    caught = build_in_thread(repo)
    assert isinstance(caught, errors.BuildError), repr(caught)
    message = str(caught)
    assert type(caught).__name__ == case.error, message
    assert "Fix:" in message and "\n" not in message and caught.file and caught.item and caught.field
    for word in case.words:
        assert word in message, message
    assert ".build-staging" not in message and "fix the code" not in message
    assert SECRET not in message and "root:x:0:0" not in message and len(message) < 1200, message
    assert tree_digest(repo) == before


def test_case_names_are_unique():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "name",
    [
        "article-is-a-fifo",
        "actors-linked-to-etc-passwd",
        "yaml-nested-10000-deep",
        "summary-escape-character",
        "source-folder-named-x-newline",
    ],
)
def test_command_line_answers_with_one_line_and_no_traceback(repo, name):
    case = next(case for case in CASES if case.name == name)
    case.apply(repo)
    before = tree_digest(repo)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--root", str(repo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines()[0].startswith(f"error: {case.error}: ")
    assert "\x1b" not in result.stderr
    assert tree_digest(repo) == before


def replace_in(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_dollars_and_backslashes_in_a_summary_are_drawn_as_text(repo):
    summary = r"Blinken pledges US$5 million and US$10 million, \alpha and \n as typed."
    replace_in(repo, ANNOTATIONS, SUMMARY, f"    summary: '{summary}'\n")
    build(repo, out=lambda line: None)
    svg = (repo / "data" / "timeline.svg").read_text(encoding="utf-8")
    assert "US$5 million and US$10 million" in svg and r"\alpha" in svg


def test_html_in_a_claim_reason_is_text_in_the_quality_report(repo):
    replace_in(
        repo,
        ANNOTATIONS,
        "      reason: The reference data hold no list of Blinken's earlier travel",
        "      reason: <script>alert(1)</script> & <b>bold</b> The reference data hold no list of Blinken's "
        "earlier travel",
    )
    build(repo, out=lambda line: None)
    report = (repo / "data" / "quality-report.md").read_text(encoding="utf-8")
    assert "<script>" not in report and "&lt;script>alert(1)&lt;/script> &amp; &lt;b>bold&lt;/b>" in report


EARLY = [("1899-12-31", True), ("1900-02-28", True), ("1900-03-01", False)]


@pytest.mark.parametrize("date, as_text", EARLY, ids=[date for date, _ in EARLY])
def test_dates_before_1900_march_1_are_iso_text_in_the_workbook(repo, date, as_text):
    replace_in(repo, ANNOTATIONS, 'date: "2022-02-24"', f'date: "{date}"\n    early_date_reason: A test.')
    build(repo, out=lambda line: None)
    book = load_workbook(repo / "data" / "geopolitical-timeline.xlsx", read_only=True)
    sheet = book["events"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("date")
    cells = [row[column] for row in rows[1:] if row[column] in (date, dt.datetime.fromisoformat(date))]
    book.close()
    assert cells == [date] if as_text else cells == [dt.datetime.fromisoformat(date)]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_early_dates_as_written(repo, tmp_path):
    """Written as date cells, LibreOffice would read 1899-12-31 as 1899-12-30 and 1900-02-28 as 1900-02-27."""
    replace_in(repo, ANNOTATIONS, 'date: "2022-02-24"', 'date: "1899-12-31"\n    early_date_reason: A test.')
    replace_in(repo, ANNOTATIONS, 'date: "2023-02-24"', 'date: "1900-02-28"\n    early_date_reason: A test.')
    build(repo, out=lambda line: None)
    out = tmp_path / "calc"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(repo / "data" / "geopolitical-timeline.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    events = (out / "geopolitical-timeline-events.csv").read_text(encoding="utf-8")
    assert "1899-12-31" in events and "1899-12-30" not in events
    assert "1900-02-28" in events and "1900-02-27" not in events


def test_text_longer_than_a_cell_is_refused_before_the_workbook_is_written():
    tables = {name: [] for name in TABLES}
    schemas = {name: load_schema(name) for name in TABLES}
    row = {field["name"]: None for field in schemas["events"]["fields"]}
    tables["events"] = [{**row, "event_id": "long", "source_id": SEED, "summary": "x" * 32_768}]
    with pytest.raises(errors.UnpublishableText, match="32,767"):
        check_cells(tables, schemas)
    tables["events"][0]["summary"] = "a\rb"
    with pytest.raises(errors.UnpublishableText, match="carriage return"):
        check_cells(tables, schemas)


BOUNDARIES = [
    ("🇺🇸🇫🇷", [0, 2, 4], [1, 3]),
    ("👨\u200d👩\u200d👧!", [0, 5, 6], [1, 2, 3, 4]),
    ("❤\ufe0f", [0, 2], [1]),
    ("कुछ", [0, 2, 3], [1]),
    ("किताब", [0, 2, 4, 5], [1, 3]),
    ("Cafe\u0301 x", [0, 5, 6], [4]),
    ("plain ASCII", list(range(12)), []),
]


@pytest.mark.parametrize("text, inside, splitting", BOUNDARIES, ids=[b[0] for b in BOUNDARIES])
def test_grapheme_boundaries(text, inside, splitting):
    assert all(is_grapheme_boundary(text, at) for at in inside)
    assert not any(is_grapheme_boundary(text, at) for at in splitting)


def test_grapheme_boundaries_in_a_long_run_of_flags():
    text = "🇺🇸" * 5000
    assert is_grapheme_boundary(text, 4000) and not is_grapheme_boundary(text, 4001)
