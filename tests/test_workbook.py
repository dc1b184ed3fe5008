"""The spreadsheet workbook: the same rows as the Parquet files, typed cells, text never run as a formula."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from scripts.build import build
from scripts.core.registry import TABLES, load_schema
from scripts.publish.codec import read_parquet_rows
from scripts.publish.workbook import ABOUT, read_workbook_rows, workbook_name

from .conftest import ROOT
from .test_spreadsheet_safety import QUOTED, add_hostile_article

BOOK = ROOT / "data" / workbook_name(ROOT)


@pytest.mark.parametrize("name", TABLES)
def test_each_sheet_holds_the_rows_of_the_parquet_file(name):
    assert read_workbook_rows(BOOK, name, load_schema(name)) == read_parquet_rows(ROOT / "data" / f"{name}.parquet")


def test_cells_are_typed_and_headers_frozen():
    book = load_workbook(BOOK)
    events = book["events"]
    header = [c.value for c in events[1]]
    date_column = header.index("date") + 1
    dated = [events.cell(r, date_column) for r in range(2, events.max_row + 1) if events.cell(r, date_column).value]
    assert dated and all(isinstance(c.value, dt.datetime) and c.number_format == "yyyy-mm-dd" for c in dated)
    votes = book["votes"]
    start = [c.value for c in book["quotes"][1]].index("text_start") + 1
    assert isinstance(book["quotes"].cell(2, start).value, int)
    assert all(book[name].freeze_panes == "B2" for name in TABLES)  # the header row and the id column
    assert votes.column_dimensions["A"].width >= 8
    assert book.sheetnames == [ABOUT, *TABLES]


def test_first_sheet_explains_every_field_from_the_schemas():
    about = load_workbook(BOOK)[ABOUT]
    rows = {(r[0], r[1]): r[4] for r in about.iter_rows(values_only=True) if r[0] in TABLES}
    for name in TABLES:
        for field in load_schema(name)["fields"]:
            assert rows[(name, field["name"])] == field["description"]


def test_hostile_text_is_stored_as_text_not_as_a_formula(repo):
    add_hostile_article(repo)
    build(repo, out=lambda line: None)
    book = load_workbook(repo / "data" / workbook_name(repo))
    cells = [c for row in book["quotes"].iter_rows() for c in row if c.value in QUOTED]
    assert sorted(c.value for c in cells) == sorted(QUOTED)
    assert all(c.data_type == "s" for c in cells)


def test_a_workbook_that_differs_from_the_parquet_files_is_not_published(repo, monkeypatch):
    from scripts.core import errors
    from scripts.publish import staging

    from .conftest import tree_digest

    written = staging.write_workbook

    def drop_last_vote(path, tables, schemas, meta, created, *earlier):
        return written(path, {**tables, "votes": tables["votes"][:-1]}, schemas, meta, created)

    monkeypatch.setattr(staging, "write_workbook", drop_last_vote)
    before = tree_digest(repo)
    with pytest.raises(errors.ValidationFailed, match="votes-xlsx|workbook"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before


@pytest.mark.parametrize("name", [ABOUT, *TABLES])
def test_every_sheet_is_set_up_to_print(name):
    sheet = load_workbook(BOOK)[name]
    setup = sheet.page_setup
    fit_width = 1 if setup.fitToWidth is None else setup.fitToWidth  # 1 is the default of the file format
    assert (setup.orientation, setup.paperSize, fit_width, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    if name != ABOUT:
        assert (sheet.print_title_rows, sheet.print_title_cols) == ("$1:$1", "$A:$A")
        long_text = [
            c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and len(c.value) > 40
        ]
        assert all(c.alignment.wrap_text for c in long_text)
        assert max(sheet.column_dimensions[c].width for c in sheet.column_dimensions) <= 40


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF: its page objects (LibreOffice writes them uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed here; .ci/run "
    "installs Debian's libreoffice-calc-nogui, so CI runs this test",
)
def test_the_events_sheet_prints_on_a_few_pages(tmp_path, capsys):
    book = load_workbook(BOOK)
    for name in book.sheetnames:
        if name != "events":
            del book[name]
    book.save(tmp_path / "events.xlsx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "events.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pages = pdf_pages((tmp_path / "events.pdf").read_bytes())
    figure = f"the events sheet ({book['events'].max_row - 1} events) exported to PDF: {pages} A4 page(s)"
    with capsys.disabled():
        print(f"\n{figure}")
    assert 1 <= pages <= 10, figure


def test_sheets_taken_from_the_earlier_workbook_give_the_workbook_written_afresh(tmp_path):
    import copy

    from scripts.core.registry import package_meta
    from scripts.publish.workbook import write_workbook

    tables = {name: read_parquet_rows(ROOT / "data" / f"{name}.parquet") for name in TABLES}
    schemas = {name: load_schema(name) for name in TABLES}
    meta, created = package_meta(ROOT), dt.datetime(2023, 2, 28)
    write_workbook(tmp_path / "earlier.xlsx", tables, schemas, meta, created)
    changed = copy.deepcopy(tables)
    changed["events"][0]["summary"] += " (changed)"
    unchanged = frozenset(TABLES) - {"events"}
    write_workbook(tmp_path / "afresh.xlsx", changed, schemas, meta, created)
    taken = write_workbook(
        tmp_path / "next.xlsx", changed, schemas, meta, created, tmp_path / "earlier.xlsx", unchanged
    )
    assert taken == unchanged
    assert (tmp_path / "next.xlsx").read_bytes() == (tmp_path / "afresh.xlsx").read_bytes()
    assert read_workbook_rows(tmp_path / "next.xlsx", "events", schemas["events"]) == changed["events"]


def test_a_published_file_that_differs_from_its_description_is_not_taken(repo):
    from scripts.publish.codec import csv_bytes
    from scripts.publish.reuse import earlier_package

    book = workbook_name(repo)
    csv = {name: (repo / "data" / f"{name}.csv").read_bytes() for name in TABLES}
    earlier = earlier_package(repo, book, csv)
    assert earlier.workbook == repo / "data" / book and earlier.sheets == frozenset(TABLES)
    assert set(earlier.parquet) == set(TABLES)
    changed = {**csv, "votes": csv_bytes([], load_schema("votes"))}
    assert earlier_package(repo, book, changed).sheets == frozenset(TABLES) - {"votes"}
    with (repo / "data" / book).open("ab") as handle:
        handle.write(b"\0")
    with (repo / "data" / "quotes.parquet").open("ab") as handle:
        handle.write(b"\0")
    earlier = earlier_package(repo, book, csv)
    assert earlier.workbook is None and set(earlier.parquet) == set(TABLES) - {"quotes"}


def test_a_part_copied_still_deflated_is_the_part_written_afresh(tmp_path):
    """The workbook's parts are copied without inflating them again: the zip is the one writestr would give, byte
    for byte, and it reads back intact."""
    import zipfile

    from scripts.publish.archive import copy_entry, fixed_entry

    parts = {"xl/worksheets/sheet2.xml": ("<row>" * 5000).encode(), "docProps/app.xml": b"<Properties/>", "e": b""}
    with zipfile.ZipFile(tmp_path / "source.zip", "w", zipfile.ZIP_DEFLATED) as source:
        for name, data in parts.items():
            source.writestr(name, data)
    with zipfile.ZipFile(tmp_path / "source.zip") as source, zipfile.ZipFile(tmp_path / "copied.zip", "w") as copied:
        for name in parts:
            copy_entry(source, name, copied)
    with zipfile.ZipFile(tmp_path / "afresh.zip", "w", zipfile.ZIP_DEFLATED) as afresh:
        for name, data in parts.items():
            afresh.writestr(fixed_entry(name), data)
    assert (tmp_path / "copied.zip").read_bytes() == (tmp_path / "afresh.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "copied.zip") as copied:
        assert copied.testzip() is None and {name: copied.read(name) for name in parts} == parts
