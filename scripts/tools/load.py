"""Load a table of the package into pandas with the types of its schema, whichever file it comes from.

    from scripts.tools.load import load
    events = load("events")                      # data/events.parquet
    events = load("events", fmt="csv")           # data/events.csv, the same frame
    events = load("events", fmt="xlsx")          # the events sheet of the workbook, the same frame

    .venv/bin/python -m scripts.tools.load events [--format csv] [--data data]   (prints the columns and their types)

The types, from the table's schema in datapackage.json (next to the data folder):

    string   -> "string" (pandas StringDtype; missing is <NA>; codes keep their leading zeros: "042")
    integer  -> "Int64"  (nullable integer; missing is <NA>, never a float)
    number   -> "Float64"
    boolean  -> "boolean"
    date     -> datetime64[ns] (missing is NaT): compare with "2023-02-24" or a pd.Timestamp, use .dt

The CSV's spreadsheet escape (one apostrophe before text that starts like a formula) is removed, so the three formats
give equal frames. Needs pandas, pyarrow (Parquet) and openpyxl (workbook) only: the file can be copied alone."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

FORMATS = ("parquet", "csv", "xlsx")
DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "datetime64[ns]"}


def descriptor(path: str | Path = "data") -> dict:
    """datapackage.json of the package whose data folder is `path`."""
    return json.loads((Path(path).resolve().parent / "datapackage.json").read_text(encoding="utf-8"))


def resource(table: str, fmt: str, path: str | Path = "data") -> dict:
    """The resource of `table` in format `fmt` (its path and schema), or ValueError naming the tables there are."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt}")
    resources = [r for r in descriptor(path)["resources"] if r["format"] == fmt]
    found = next((r for r in resources if r["name"].split("-")[0] == table), None)
    if found is None:
        raise ValueError(f"no table {table} in the package; its tables: {', '.join(r['name'] for r in resources)}")
    return found


def load(table: str, path: str | Path = "data", fmt: str = "parquet") -> pd.DataFrame:
    """The rows of `table` as a DataFrame typed from its schema (see the module's docstring)."""
    found = resource(table, fmt, path)
    fields = found["schema"]["fields"]
    file = Path(path).resolve().parent / found["path"]
    if fmt == "parquet":
        frame = pd.read_parquet(file)
    elif fmt == "csv":
        frame = read_csv_text(file)
    else:
        strings = {f["name"]: "string" for f in fields if f["type"] == "string"}
        frame = pd.read_excel(file, sheet_name=found["dialect"]["excel"]["sheet"], dtype=strings)
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        raise ValueError(f"{file}: columns {list(frame.columns)} differ from the schema's {names}")
    return typed(frame, fields)


def read_csv_text(file: Path) -> pd.DataFrame:
    """Every cell of a CSV as text (empty cell = missing; "NA" or "null" stay text), the escape removed."""
    frame = pd.read_csv(file, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8")
    return frame.apply(lambda column: column.str.replace(r"^'", "", regex=True))


def typed(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    """Each column cast to the pandas type of its schema type."""
    out = {}
    for field in fields:
        column, kind = frame[field["name"]], field["type"]
        if kind == "boolean" and column.dtype == "string":
            column = column.map({"true": True, "false": False}, na_action="ignore")
        elif kind in ("integer", "number") and column.dtype == "string":
            column = pd.to_numeric(column)
        elif kind == "date":
            column = pd.to_datetime(column.astype("string") if column.dtype == object else column, format="ISO8601")
        out[field["name"]] = column.astype(DTYPES[kind])
    return pd.DataFrame(out)


def main(argv: list[str] | None = None) -> int:
    """The command: a table's row count and the type of each column, or one error line."""
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.load", description=__doc__.splitlines()[0])
    parser.add_argument("table")
    parser.add_argument("--format", default="parquet", choices=FORMATS)
    parser.add_argument("--data", default="data", help="the data folder (datapackage.json is beside it)")
    args = parser.parse_args(argv)
    try:
        frame = load(args.table, args.data, args.format)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.table}: {len(frame)} rows from {args.format}")
    print(frame.dtypes.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
