"""The spreadsheet workbook: one sheet per table with typed cells (dates as dates, numbers as numbers, text as text
even when it starts with "="), a first sheet that explains the package and every field (from the schemas), frozen
header rows and column widths that fit. Deterministic: fixed document dates and zip timestamps.
Dates before 1900-03-01 are written as ISO text (YYYY-MM-DD), not as date cells: spreadsheets count dates in the
"1900 date system", which holds no date before 1900 and (Excel) a 29 February 1900 that never was, so LibreOffice
and Excel would read such a cell a day or two apart, or not at all. Before anything is written, every text is
checked to fit a cell (32,767 characters) and to hold no control character (UnpublishableText)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from ..core.errors import UnpublishableText
from ..core.prose import plural
from ..core.registry import TABLES, package_meta
from ..load.inputs import unsafe_character
from .archive import fixed_entry

FIRST_SERIAL_DATE = dt.date(1900, 3, 1)  # from here on, every spreadsheet reads a date cell as the same day
MAX_CELL = 32_767  # characters of a spreadsheet cell

ABOUT = "About"
HEADER = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TEXT_WIDTH, CODE_WIDTH = 32, 16  # characters: the widest column of free text, of ids and codes (longer ones wrap)
LINE_HEIGHT = 15.0  # points per line of the default font (Calibri 11)
CHARS_PER_WIDTH = 1.1
ABOUT_WIDTH = 90  # characters of the About sheet's description column (wrapped)


def workbook_name(root: Path) -> str:
    return package_meta(root)["name"] + ".xlsx"


def set_text(cell, value: str) -> None:
    """Text stays text: openpyxl would store a string that starts with "=" as a formula."""
    cell.value = value
    cell.data_type = "s"


def fit_columns(sheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(8, min(width + 2, 60))


def print_setup(sheet, title_rows: str = "1:1", title_columns: str | None = "A:A") -> None:
    """Printable: A4 landscape, every column on the width of one page (as many pages down as needed), the header row
    (and the id column) repeated on every page, grid lines, the sheet's name and page number in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    sheet.print_options.gridLines = True
    sheet.print_title_rows = title_rows
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.oddFooter.center.text = "&A, page &P of &N"


def column_width(field: dict, values: list[str]) -> int:
    """Characters of a column: its longest value, at most TEXT_WIDTH for free text (wrapped) and CODE_WIDTH for ids
    and codes (an id wraps at its hyphens), and no narrower than its header's first words."""
    longest = max((len(v) for v in values), default=0)
    cap = TEXT_WIDTH if any(" " in v for v in values) else CODE_WIDTH
    return max(min(longest, cap), min(len(field["name"]), CODE_WIDTH), 6)


def row_height(texts: dict[int, str], widths: dict[int, int]) -> float:
    """Points for a row of wrapped cells: enough lines for its longest text at the column's width (a width counts
    digits; a line of text holds about CHARS_PER_WIDTH as many letters)."""
    lines = 1
    for column, text in texts.items():
        per_line = max(int(widths[column] * CHARS_PER_WIDTH), 1)
        lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in text.split("\n")))
    return LINE_HEIGHT * lines


def about_sheet(book: Workbook, meta: dict, schemas: dict[str, dict], tables: dict[str, list[dict]]) -> None:
    """The first sheet: what the package is, then every table and field with its type and description."""
    sheet = book.active
    sheet.title = ABOUT
    lines = [
        (meta["title"], True),
        (meta["description"], False),
        (f"Version {meta['version']}. Licence: {meta['licenses'][0]['title']}.", False),
        (
            "One sheet per table, the same rows as data/<table>.csv and data/<table>.parquet; dates are dates, numbers "
            "are numbers, and text is text even when it begins with = + - or @ (nothing is run as a formula). "
            "Offsets (…_start, …_end) count characters of the article's text.",
            False,
        ),
        ("", False),
    ]
    for row, (text, bold) in enumerate(lines, 1):
        set_text(sheet.cell(row, 1), text)
        sheet.cell(row, 1).font = Font(bold=bold, size=13 if bold else 11)
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    header_row = len(lines) + 1
    for column, title in enumerate(["sheet", "field", "type", "required", "description"], 1):
        set_text(sheet.cell(header_row, column), title)
        sheet.cell(header_row, column).font = HEADER
    about_fields(sheet, header_row, meta, schemas, tables)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    fit_columns(sheet, {1: 14, 2: 24, 3: 9, 4: 9})
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["E"].width = ABOUT_WIDTH
    for text_row in range(1, len(lines) + 1):
        sheet.merge_cells(start_row=text_row, start_column=1, end_row=text_row, end_column=5)
        sheet.row_dimensions[text_row].height = (
            15
            if not lines[text_row - 1][0]
            else (18 if lines[text_row - 1][1] else 15 * (1 + len(lines[text_row - 1][0]) // 150))
        )
    print_setup(sheet, f"{header_row}:{header_row}", None)


def about_fields(sheet, row: int, meta: dict, schemas: dict[str, dict], tables: dict[str, list[dict]]) -> None:
    """Below `row`: per table a bold line (its row count and description), then one line per field."""
    about = {r["name"]: r for r in meta["resources"]}
    for name in TABLES:
        row += 1
        lines = [
            (
                name,
                f"({plural(len(tables[name]), 'row')})",
                "",
                "",
                f"{about[name]['title']}: {about[name]['description']}",
            )
        ]
        lines += [
            (
                name,
                field["name"],
                field["type"],
                "yes" if field.get("constraints", {}).get("required") else "",
                field.get("description", ""),
            )
            for field in schemas[name]["fields"]
        ]
        for number, values in enumerate(lines):
            for column, value in enumerate(values, 1):
                set_text(sheet.cell(row + number, column), value)
                sheet.cell(row + number, column).alignment = WRAP
                if number == 0 and column in (1, 2, 5):
                    sheet.cell(row + number, column).font = HEADER
            sheet.row_dimensions[row + number].height = row_height({5: values[4]}, {5: ABOUT_WIDTH})
        row += len(lines) - 1


def table_sheet(book: Workbook, name: str, schema: dict, rows: list[dict]) -> None:
    """One table's sheet: typed cells, long text wrapped in columns of bounded width, ready to print."""
    sheet = book.create_sheet(name)
    fields = schema["fields"]
    shown = [[format_value(row[f["name"]]) for row in rows] for f in fields]
    widths = {column: column_width(field, shown[column - 1]) for column, field in enumerate(fields, 1)}
    for column, field in enumerate(fields, 1):
        set_text(sheet.cell(1, column), field["name"])
        sheet.cell(1, column).font = HEADER
        sheet.cell(1, column).alignment = WRAP
    sheet.row_dimensions[1].height = row_height({c: f["name"] for c, f in enumerate(fields, 1)}, widths)
    for row_number, row in enumerate(rows, 2):
        for column, field in enumerate(fields, 1):
            write_cell(sheet.cell(row_number, column), row[field["name"]], field["type"])
        texts = {c: shown[c - 1][row_number - 2] for c in widths if len(shown[c - 1][row_number - 2]) >= widths[c]}
        if texts:
            sheet.row_dimensions[row_number].height = row_height(texts, widths)
    sheet.freeze_panes = "B2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(rows) + 1}"
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width + 1
    print_setup(sheet)


def format_value(value: object) -> str:
    """A value as the text a cell shows, for measuring widths and heights."""
    return "" if value is None else str(value)


def write_cell(cell, value: object, kind: str) -> None:
    """A typed cell: text as text, dates with an ISO date format, numbers and booleans as themselves; top-aligned and
    wrapped."""
    cell.alignment = WRAP
    if value is None:
        return
    if kind == "string":
        set_text(cell, value)
    elif kind == "date" and value < FIRST_SERIAL_DATE:
        set_text(cell, value.isoformat())
    else:
        cell.value = value
        if kind == "date":
            cell.number_format = "yyyy-mm-dd"


def write_workbook(
    path: Path, tables: dict[str, list[dict]], schemas: dict[str, dict], meta: dict, created: dt.datetime
) -> None:
    check_cells(tables, schemas)
    book = Workbook()
    about_sheet(book, meta, schemas, tables)
    for name in TABLES:
        table_sheet(book, name, schemas[name], tables[name])
    book.properties.creator = meta["name"]
    book.properties.created = created
    book.properties.modified = created
    buffer = io.BytesIO()
    book.save(buffer)
    normalise_zip(buffer.getvalue(), path, created)


def normalise_zip(data: bytes, path: Path, created: dt.datetime) -> None:
    """The same entries in the same order, with a fixed timestamp, and the document's "modified" date (which
    openpyxl sets to the time of saving) equal to its "created" date: the same workbook gives the same bytes."""
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            target.writestr(fixed_entry(info.filename), content)


def read_workbook_rows(path: Path, sheet_name: str, schema: dict) -> list[dict]:
    """The rows of one sheet, typed like the Parquet rows (dates as dates, empty cells as None)."""
    return read_workbook_tables(path, {sheet_name: schema})[sheet_name]


def read_workbook_tables(path: Path, schemas: dict[str, dict]) -> dict[str, list[dict]]:
    """The rows of the named sheets, the workbook opened once."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return {name: sheet_rows(book[name], schema, f"{path}:{name}") for name, schema in schemas.items()}
    finally:
        book.close()


def sheet_rows(sheet, schema: dict, where: str) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    if header != [f["name"] for f in schema["fields"]]:
        raise ValueError(f"{where}: header {header} differs from the schema")
    kinds = [f["type"] for f in schema["fields"]]
    return [{name: cell_value(value, kind) for name, value, kind in zip(header, row, kinds)} for row in rows]


def check_cells(tables: dict[str, list[dict]], schemas: dict[str, dict]) -> None:
    """Every text fits a cell and holds no control character (tab and new line aside): a named error naming the
    input that gave it, before anything of the workbook is written."""
    for name in TABLES:
        key = schemas[name]["fields"][0]["name"]
        for row in tables[name]:
            for field in schemas[name]["fields"]:
                value = row[field["name"]]
                if field["type"] != "string" or value is None:
                    continue
                unsafe = unsafe_character(value)
                problem = (
                    f"{unsafe[1]} at character {unsafe[0] + 1}."
                    if unsafe
                    else f"{len(value):,} characters; a spreadsheet cell holds at most {MAX_CELL:,}."
                    if len(value) > MAX_CELL
                    else None
                )
                if problem:
                    raise UnpublishableText(
                        origin(name, row),
                        f"{name} ({key}: {row[key]})",
                        field["name"],
                        problem,
                        "shorten or correct the text in the input that gives it.",
                    )


def origin(name: str, row: dict) -> str:
    """The input file a row comes from, for messages."""
    if row.get("source_id"):
        return f"sources/articles/{row['source_id']}/annotations.yaml"
    return "sources/actors.yaml" if name == "actors" else "sources/reference/"


def cell_value(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "date":
        if isinstance(value, str):  # a date before 1900-03-01, written as ISO text
            return dt.date.fromisoformat(value)
        return value.date() if isinstance(value, dt.datetime) else value
    if kind == "number":
        return float(value)
    return value
