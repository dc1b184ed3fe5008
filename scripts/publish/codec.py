"""The codec of the tables: rows typed by their Table Schema, written to CSV and Parquet and read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ..core.registry import field_names

ARROW_TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_", "date": "date32"}
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "object"}


def format_cell(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat()
    if kind == "number":
        return repr(float(value))
    if kind == "string":
        return escape_cell(str(value))
    return str(value)


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP "CSV injection"). In the CSV files such
# text is stored with one apostrophe in front, and so is text that itself begins with an apostrophe, so that the
# escape can always be undone: drop one leading apostrophe. Parquet keeps the text as it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(text: str) -> str:
    return ESCAPE + text if text.startswith(FORMULA_START + (ESCAPE,)) else text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith(ESCAPE) else text


def csv_bytes(rows: list[dict], schema: dict) -> bytes:
    """RFC 4180 CSV: UTF-8, CRLF, one header row, ISO dates, empty cell for missing."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(field_names(schema))
    for row in rows:
        writer.writerow([format_cell(row[f["name"]], f["type"]) for f in schema["fields"]])
    return buffer.getvalue().encode("utf-8")


def arrow_table(rows: list[dict], schema: dict):
    """An Arrow table typed from the schema, with pandas metadata so read_parquet restores nullable dtypes. (pandas
    and pyarrow load here, when a Parquet file is made: a build that publishes nothing needs neither.)"""
    import pandas as pd
    import pyarrow as pa

    frame = pd.DataFrame(
        {
            f["name"]: pd.array([row[f["name"]] for row in rows], dtype=PANDAS_DTYPES[f["type"]])
            for f in schema["fields"]
        }
    )
    arrow_schema = pa.schema(
        [
            pa.field(
                f["name"],
                getattr(pa, ARROW_TYPES[f["type"]])(),
                nullable=not f.get("constraints", {}).get("required", False),
            )
            for f in schema["fields"]
        ]
    )
    return pa.Table.from_pandas(frame, schema=arrow_schema, preserve_index=False)


def write_parquet(rows: list[dict], schema: dict, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(rows, schema), path, compression="zstd", write_statistics=True)


def parse_cell(text: str, kind: str) -> object:
    if text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    if kind == "date":
        return dt.date.fromisoformat(text)
    if kind == "string":
        return unescape_cell(text)
    return text


def read_csv_rows(path: Path, schema: dict) -> list[dict]:
    """Rows of a written CSV, typed by the schema (the reader of the parity and evidence checks)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if header != field_names(schema):
            raise ValueError(f"{path}: header {header} differs from the schema")
        kinds = [f["type"] for f in schema["fields"]]
        return [{name: parse_cell(cell, kind) for name, cell, kind in zip(header, line, kinds)} for line in reader]


def read_parquet_rows(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()
