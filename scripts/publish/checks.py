"""Checks on the written files, before anything is published: frictionless on the CSVs (schemas, primary and foreign
keys), the Parquet files and the workbook equal to the CSVs row by row, and every evidence span equal to the
article's text at its offsets."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ValidationFailed
from ..core.registry import TABLES, spans
from . import frictionless_check
from .codec import read_csv_rows, read_parquet_rows
from .descriptor import FORMATS
from .frictionless_check import validate_csv  # noqa: F401 (for callers)
from .workbook import read_workbook_tables


def validate_staged(
    folder: Path,
    descriptor: dict,
    schemas: dict[str, dict],
    articles: dict[str, str],
    book: Path,
    meanwhile=lambda: None,
    proven: dict[str, frozenset[str]] | None = None,
    child=None,
    counts: dict[str, int] | None = None,
) -> list[str]:
    """Every check on the written files; returns the one-line summary, raises ValidationFailed on any failure.
    frictionless runs in a child process (the written descriptor is its input) while `meanwhile` (the build's other
    files: pictures, pages) runs here and the copies are compared. `proven`: what an earlier build checked and this
    one takes as it is (scripts/publish/reuse.py); `counts`: every table's rows, when the child checks only some."""
    child = child or frictionless_check.start(folder)  # or started by the caller once the CSVs were written
    try:
        meanwhile()
        compare_copies(folder, schemas, articles, book, proven or {})
    except BaseException:
        child.kill()
        child.wait()
        raise
    rows = {**(counts or {}), **frictionless_check.finish(child)}
    if counts is not None and rows != counts:
        name = next(name for name in counts if rows[name] != counts[name])
        raise ValidationFailed(
            folder / "data" / f"{name}.csv",
            name,
            "-",
            f"frictionless read {rows[name]} rows where the build wrote {counts[name]}.",
            "report this as a bug of scripts/publish/codec.py; nothing was published.",
        )
    # the Parquet and workbook copies hold the CSV's rows exactly, so frictionless's verdict on the CSV is theirs
    return [validation_summary(len(FORMATS) * len(TABLES), sum(rows.values()))]


def validation_summary(resources: int, rows: int) -> str:
    """The one line that says every check passed (a failure raises ValidationFailed instead, naming the resource)."""
    return (
        f"All {resources} resources valid ({rows:,} rows in each format): frictionless on the CSVs (schemas, "
        "primary and foreign keys), the Parquet files and the workbook's sheets equal to them row by row, every "
        "evidence span equal to the article's text at its offsets."
    )


def compare_copies(
    folder: Path, schemas: dict[str, dict], articles: dict[str, str], book: Path, proven: dict[str, frozenset[str]]
) -> None:
    """The Parquet files and the workbook's sheets hold the CSVs' rows exactly (but for the copies proven so by an
    earlier build); every span equals its article (but in the tables whose spans an earlier build checked against
    the same texts)."""
    sheets = read_workbook_tables(book, {n: s for n, s in schemas.items() if n not in proven.get("workbook", ())})
    for name in TABLES:
        parquet = folder / "data" / f"{name}.parquet"
        unproven = name not in proven.get("parquet", ())
        if not (unproven or name in sheets or name not in proven.get("spans", ())):
            continue
        from_csv = read_csv_rows(folder / "data" / f"{name}.csv", schemas[name])
        if unproven:
            check_parity(
                parquet,
                name,
                from_csv,
                read_parquet_rows(parquet),
                "CSV and Parquet differ.",
                "report this as a bug of scripts/publish/codec.py.",
            )
        if name in sheets:
            check_parity(
                book,
                name,
                from_csv,
                sheets[name],
                "the workbook's sheet differs from the CSV file.",
                "report this as a bug of scripts/publish/workbook.py; nothing was published.",
            )
        if name not in proven.get("spans", ()):
            check_spans(name, from_csv, schemas[name], articles, folder)


def check_parity(path: Path, name: str, expected: list[dict], found: list[dict], problem: str, fix: str) -> None:
    if found != expected:
        diff = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), min(len(expected), len(found)))
        raise ValidationFailed(path, f"{name} row {diff}", "-", problem, fix)


def check_spans(name: str, rows: list[dict], schema: dict, articles: dict[str, str], folder: Path) -> None:
    """Every evidence text equals the article's text at its offsets."""
    for index, row in enumerate(rows):
        source = row.get("source_id")
        for text, start, end in spans(schema):
            if row.get(text) is None or source is None:
                continue
            if articles[source][row[start] : row[end]] != row[text]:
                raise ValidationFailed(
                    folder / "data" / f"{name}.csv",
                    f"row {index}",
                    text,
                    f"the text at offsets {row[start]}:{row[end]} differs from the article.",
                    "report this as a bug of the offset computation.",
                )
