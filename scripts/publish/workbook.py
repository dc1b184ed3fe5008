"""The spreadsheet workbook: one sheet per table with typed cells (dates as dates, numbers as numbers, text as text
even when it starts with "="), a first sheet that explains the package and every field (from the schemas), frozen
header rows and column widths that fit. Deterministic: fixed document dates and zip timestamps.
Dates before 1900-03-01 are written as ISO text (YYYY-MM-DD), not as date cells: spreadsheets count dates in the
"1900 date system", which holds no date before 1900 and (Excel) a 29 February 1900 that never was, so LibreOffice
and Excel would read such a cell a day or two apart, or not at all. Before anything is written, every text is
checked to fit a cell (32,767 characters) and to hold no control character (UnpublishableText)."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook
from xlsxwriter import Workbook

from ..core.errors import UnpublishableText
from ..core.prose import plural
from ..core.registry import TABLES, package_meta
from ..load.inputs import unsafe_character
from .archive import copy_entry

FIRST_SERIAL_DATE = dt.date(1900, 3, 1)  # from here on, every spreadsheet reads a date cell as the same day
MAX_CELL = 32_767  # characters of a spreadsheet cell

ABOUT = "About"
TEXT_WIDTH, CODE_WIDTH = 32, 16  # characters: the widest column of free text, of ids and codes (longer ones wrap)
LINE_HEIGHT = 15.0  # points per line of the default font (Calibri 11)
CHARS_PER_WIDTH = 1.1
ABOUT_WIDTH = 90  # characters of the About sheet's description column (wrapped)
FOOTER = "&C&A, page &P of &N"  # the sheet's name and the page number


class Styles:
    """The workbook's cell formats, made once: wrapped top-aligned cells, bold headers, ISO dates, the title."""

    def __init__(self, book: Workbook) -> None:
        wrap = {"text_wrap": True, "valign": "top"}
        self.wrap = book.add_format(wrap)
        self.header = book.add_format({**wrap, "bold": True})
        self.date = book.add_format({**wrap, "num_format": "yyyy-mm-dd"})
        self.title = book.add_format({**wrap, "bold": True, "font_size": 13})


def workbook_name(root: Path) -> str:
    return package_meta(root)["name"] + ".xlsx"


def print_setup(sheet, repeat_columns: bool = True) -> None:
    """Printable: A4 landscape, every column on the width of one page (as many pages down as needed), the header row
    (and the id column) repeated on every page, grid lines, the sheet's name and page number in the footer. The row
    to repeat is set by the caller (repeat_rows)."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_header("", {"margin": 0.3})
    sheet.set_footer(FOOTER, {"margin": 0.3})
    sheet.hide_gridlines(0)  # grid lines on screen and on paper
    if repeat_columns:
        sheet.repeat_columns(0)


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


def about_lines(meta: dict) -> list[tuple[str, bool]]:
    """The About sheet's opening lines, each with whether it is the title."""
    return [
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


def about_sheet(book: Workbook, styles: Styles, meta: dict, schemas: dict[str, dict], tables: dict) -> None:
    """The first sheet: what the package is, then every table and field with its type and description."""
    sheet = book.add_worksheet(ABOUT)
    lines = about_lines(meta)
    header_row = len(lines)  # 0-based: the row below the opening lines
    sheet.freeze_panes(header_row + 1, 0)
    for column, width in enumerate((16, 24, 9, 9, ABOUT_WIDTH)):
        sheet.set_column(column, column, width)
    for row, (text, bold) in enumerate(lines):
        height = 15 if not text else (18 if bold else 15 * (1 + len(text) // 150))
        sheet.set_row(row, height)
        sheet.merge_range(row, 0, row, 4, text, styles.title if bold else styles.wrap)
    for column, title in enumerate(["sheet", "field", "type", "required", "description"]):
        sheet.write_string(header_row, column, title, styles.header)
    about_fields(sheet, styles, header_row + 1, meta, schemas, tables)
    print_setup(sheet, repeat_columns=False)
    sheet.repeat_rows(header_row)


def about_fields(sheet, styles: Styles, row: int, meta: dict, schemas: dict[str, dict], tables: dict) -> None:
    """From `row` (0-based): per table a bold line (its row count and description), then one line per field."""
    about = {r["name"]: r for r in meta["resources"]}
    for name in TABLES:
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
            sheet.set_row(row, row_height({4: values[4]}, {4: ABOUT_WIDTH}))
            for column, value in enumerate(values):
                bold = number == 0 and column in (0, 1, 4)
                sheet.write_string(row, column, value, styles.header if bold else styles.wrap)
            row += 1


def table_sheet(book: Workbook, styles: Styles, name: str, schema: dict, rows: list[dict], stand_in: bool) -> None:
    """One table's sheet: typed cells, long text wrapped in columns of bounded width, ready to print. Each column
    carries its format (wrapped and top-aligned; dates in ISO form), so the cells are written without one. A stand-in
    has the sheet's settings that the workbook's other parts name (filter range, print titles, formats) and no rows:
    its part is replaced by the earlier workbook's (assemble)."""
    sheet = book.add_worksheet(name)
    fields = schema["fields"]
    if stand_in:
        for column, field in enumerate(fields):
            sheet.set_column(column, column, None, styles.date if field["type"] == "date" else styles.wrap)
        if rows:
            sheet.autofilter(0, 0, len(rows), len(fields) - 1)
        print_setup(sheet)
        sheet.repeat_rows(0)
        return
    shown = [[format_value(row[f["name"]]) for row in rows] for f in fields]
    widths = {column: column_width(field, shown[column]) for column, field in enumerate(fields)}
    sheet.freeze_panes(1, 1)
    for column, field in enumerate(fields):
        sheet.set_column(column, column, widths[column] + 1, styles.date if field["type"] == "date" else styles.wrap)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(fields) - 1)
    sheet.set_row(0, row_height(dict(enumerate(f["name"] for f in fields)), widths))
    for column, field in enumerate(fields):
        sheet.write_string(0, column, field["name"], styles.header)
    names = [field["name"] for field in fields]
    dates = [field["name"] for field in fields if field["type"] == "date"]
    for number, row in enumerate(rows):
        texts = {c: shown[c][number] for c in widths if len(shown[c][number]) >= widths[c]}
        if texts:
            sheet.set_row(number + 1, row_height(texts, widths))
        sheet.write_row(number + 1, 0, [cell(row, name, name in dates) for name in names])
    print_setup(sheet)
    sheet.repeat_rows(0)


def format_value(value: object) -> str:
    """A value as the text a cell shows, for measuring widths and heights."""
    return "" if value is None else str(value)


def cell(row: dict, name: str, is_date: bool) -> object:
    """A field's value as its cell holds it: a date before 1900-03-01 as ISO text, everything else as itself (the
    workbook writes text as text, never as a formula, and dates with the ISO date format)."""
    value = row[name]
    if is_date and value is not None and value < FIRST_SERIAL_DATE:
        return value.isoformat()
    return value


def write_workbook(
    path: Path,
    tables: dict[str, list[dict]],
    schemas: dict[str, dict],
    meta: dict,
    created: dt.datetime,
    earlier: Path | None = None,
    unchanged: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The workbook, written sheet by sheet in constant memory (text inline, so a sheet's part depends on its own rows
    only) and packed with fixed zip timestamps and the document's dates set to `created`: the same tables give the
    same bytes. The sheets of the `unchanged` tables are taken from the `earlier` workbook when its styles are these
    (a build after one article changed writes only the sheets that changed). Returns the sheets taken."""
    reused = unchanged if earlier is not None else frozenset()
    check_cells({name: rows for name, rows in tables.items() if name not in reused}, schemas)  # the rest passed
    with tempfile.TemporaryDirectory(prefix="workbook-") as scratch:  # XlsxWriter's row files, removed with it
        sheets = Path(scratch) / path.name
        book = Workbook(
            str(sheets),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "default_date_format": "yyyy-mm-dd",
                "tmpdir": scratch,
            },
        )
        styles = Styles(book)
        about_sheet(book, styles, meta, schemas, tables)
        for name in TABLES:
            table_sheet(book, styles, name, schemas[name], tables[name], stand_in=name in reused)
        book.set_properties({"author": meta["name"], "created": created})
        book.close()
        if assemble(sheets, path, earlier, reused):
            return reused
    return write_workbook(path, tables, schemas, meta, created)  # the earlier workbook's styles differ


def sheet_part(name: str) -> str:
    """The zip part of a table's sheet (the About sheet is the first)."""
    return f"xl/worksheets/sheet{TABLES.index(name) + 2}.xml"


def assemble(sheets: Path, path: Path, earlier: Path | None, reused: frozenset[str]) -> bool:
    """Pack the written parts into path, each stand-in replaced by the earlier workbook's part; False (nothing
    written) when the earlier workbook has other parts (a shared string table, which a sheet's part would name by
    number) or other styles (a sheet's part names its cell formats by number)."""
    parts = {sheet_part(name) for name in reused}
    with contextlib.ExitStack() as stack:
        written = stack.enter_context(zipfile.ZipFile(sheets))
        old = stack.enter_context(zipfile.ZipFile(earlier)) if parts else None
        if old is not None and (
            old.namelist() != written.namelist() or old.read("xl/styles.xml") != written.read("xl/styles.xml")
        ):
            return False
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info in written.infolist():
                copy_entry(old if info.filename in parts else written, info.filename, target)
    return True


def read_workbook_rows(path: Path, sheet_name: str, schema: dict) -> list[dict]:
    """The rows of one sheet, typed like the Parquet rows (dates as dates, empty cells as None)."""
    return read_workbook_tables(path, {sheet_name: schema})[sheet_name]


def read_workbook_tables(path: Path, schemas: dict[str, dict]) -> dict[str, list[dict]]:
    """The rows of the named sheets, read by calamine (a reader other than the writer), typed by the schemas."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        return {name: sheet_rows(book, name, schema, f"{path}:{name}") for name, schema in schemas.items()}
    finally:
        book.close()


def sheet_rows(book, name: str, schema: dict, where: str) -> list[dict]:
    rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    header = list(rows[0]) if rows else []
    if header != [f["name"] for f in schema["fields"]]:
        raise ValueError(f"{where}: header {header} differs from the schema")
    kinds = [f["type"] for f in schema["fields"]]
    return [{name: cell_value(value, kind) for name, value, kind in zip(header, row, kinds)} for row in rows[1:]]


def check_cells(tables: dict[str, list[dict]], schemas: dict[str, dict]) -> None:
    """Every text fits a cell and holds no control character (tab and new line aside): a named error naming the
    input that gave it, before anything of the workbook is written."""
    for name in (name for name in TABLES if name in tables):
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
    """A cell as calamine reads it, typed by its field (an empty cell reads as "")."""
    if value == "":
        return None
    if kind == "date":
        if isinstance(value, str):  # a date before 1900-03-01, written as ISO text
            return dt.date.fromisoformat(value)
        return value.date() if isinstance(value, dt.datetime) else value
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    return value
