"""The spreadsheet workbook: one sheet per table with typed cells (dates as dates, numbers as numbers, text as text
even when it starts with "="), a first sheet that explains the package and every field (from the schemas), frozen
header rows and column widths that fit. Deterministic: fixed document dates and zip timestamps."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..core.registry import TABLES, package_meta
from .archive import fixed_entry

ABOUT = "About"
HEADER = Font(bold=True)


def workbook_name(root: Path) -> str:
    return package_meta(root)["name"] + ".xlsx"


def set_text(cell, value: str) -> None:
    """Text stays text: openpyxl would store a string that starts with "=" as a formula."""
    cell.value = value
    cell.data_type = "s"


def fit_columns(sheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(8, min(width + 2, 60))


def about_sheet(book: Workbook, meta: dict, schemas: dict[str, dict], tables: dict[str, list[dict]]) -> None:
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
    row = len(lines) + 1
    about = {r["name"]: r for r in meta["resources"]}
    for column, title in enumerate(["sheet", "field", "type", "required", "description"], 1):
        set_text(sheet.cell(row, column), title)
        sheet.cell(row, column).font = HEADER
    header_row = row
    for name in TABLES:
        row += 1
        set_text(sheet.cell(row, 1), name)
        set_text(sheet.cell(row, 2), f"({len(tables[name])} rows)")
        set_text(sheet.cell(row, 5), f"{about[name]['title']}: {about[name]['description']}")
        for column in (1, 2, 5):
            sheet.cell(row, column).font = HEADER
        for field in schemas[name]["fields"]:
            row += 1
            set_text(sheet.cell(row, 1), name)
            set_text(sheet.cell(row, 2), field["name"])
            set_text(sheet.cell(row, 3), field["type"])
            set_text(sheet.cell(row, 4), "yes" if field.get("constraints", {}).get("required") else "")
            set_text(sheet.cell(row, 5), field.get("description", ""))
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    fit_columns(sheet, {1: 14, 2: 24, 3: 9, 4: 9, 5: 100})
    sheet.column_dimensions["A"].width = 16
    for text_row in range(1, len(lines) + 1):
        sheet.merge_cells(start_row=text_row, start_column=1, end_row=text_row, end_column=5)
        sheet.row_dimensions[text_row].height = (
            15
            if not lines[text_row - 1][0]
            else (18 if lines[text_row - 1][1] else 15 * (1 + len(lines[text_row - 1][0]) // 150))
        )


def table_sheet(book: Workbook, name: str, schema: dict, rows: list[dict]) -> None:
    sheet = book.create_sheet(name)
    fields = schema["fields"]
    widths = {}
    for column, field in enumerate(fields, 1):
        set_text(sheet.cell(1, column), field["name"])
        sheet.cell(1, column).font = HEADER
        widths[column] = len(field["name"])
    for row_number, row in enumerate(rows, 2):
        for column, field in enumerate(fields, 1):
            value = row[field["name"]]
            cell = sheet.cell(row_number, column)
            if value is None:
                continue
            if field["type"] == "string":
                set_text(cell, value)
            else:
                cell.value = value
                if field["type"] == "date":
                    cell.number_format = "yyyy-mm-dd"
            widths[column] = max(widths[column], len(str(value)))
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(rows) + 1}"
    fit_columns(sheet, widths)


def write_workbook(
    path: Path, tables: dict[str, list[dict]], schemas: dict[str, dict], meta: dict, created: dt.datetime
) -> None:
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


def cell_value(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "date":
        return value.date() if isinstance(value, dt.datetime) else value
    if kind == "number":
        return float(value)
    return value
