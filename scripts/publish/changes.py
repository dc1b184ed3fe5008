"""What a build changes: its tables against the package published before it, row by row by primary key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.registry import TABLES, load_schema
from .codec import read_csv_rows


@dataclass(frozen=True)
class Change:
    table: str
    added: int
    changed: int
    removed: int

    def __str__(self) -> str:
        return f"{self.table}: {self.added} added, {self.changed} changed, {self.removed} removed"


def compare(
    tables: dict[str, list[dict]], published: Path, root: Path, csv: dict[str, bytes] | None = None
) -> list[Change]:
    """Per table, the rows added, changed and removed against the CSVs under published/ (every row is added when
    there is no published package yet, or a table is new). `csv`: the tables' CSV bytes, when known; a table whose
    published CSV holds the same bytes has no change, and is not read row by row."""
    changes = []
    for name in TABLES:
        schema = load_schema(name, root)
        key = schema["primaryKey"]
        path = published / f"{name}.csv"
        if csv is not None and same_bytes(path, csv[name]):
            changes.append(Change(name, 0, 0, 0))
            continue
        try:
            before = {tuple(row[k] for k in key): row for row in read_csv_rows(path, schema)} if path.exists() else {}
        except ValueError:  # the published table has other columns: every row is new
            before = {}
        after = {tuple(row[k] for k in key): row for row in tables[name]}
        changed = sum(1 for k in after.keys() & before.keys() if normalise(after[k], schema) != before[k])
        changes.append(Change(name, len(after.keys() - before.keys()), changed, len(before.keys() - after.keys())))
    return changes


def same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def normalise(row: dict, schema: dict) -> dict:
    """A staged row as the CSV reader gives it back (floats as floats, every field present)."""
    return {
        f["name"]: (float(row[f["name"]]) if f["type"] == "number" and row[f["name"]] is not None else row[f["name"]])
        for f in schema["fields"]
    }


def summary(changes: list[Change]) -> str:
    touched = [c for c in changes if c.added or c.changed or c.removed]
    return "; ".join(str(c) for c in touched) if touched else "no row changed"
