"""The staging copy: every file of the package written into .build-staging/ and checked there (scripts/publish/checks.py)
before the journal swaps it in (scripts/publish/journal.py). On any failure the staging copy is removed and data/
is untouched."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from ..core.registry import TABLES, load_schema, package_meta
from .checks import validate_staged
from .codec import csv_bytes, write_parquet
from .descriptor import describe_package
from .journal import JOURNAL, PREVIOUS, STAGING, commit, failpoint
from .report import REPORT, render_quality_report
from .timeline import draw_timeline
from .workbook import workbook_name, write_workbook


def publish_package(
    root: Path, tables: dict[str, list[dict]], articles: list[dict], texts: dict[str, str], plover_types: list[str]
) -> list[str]:
    """Write and check the package in .build-staging/, then commit it; on failure nothing is touched. The caller
    holds the build lock and has finished any interrupted publish (scripts/build.py). Returns the validation lines."""
    staging = root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(root / PREVIOUS, ignore_errors=True)
    try:
        lines = write_staging(root, staging, tables, articles, texts, plover_types)
        failpoint("validated")
        commit(root)
    finally:
        if not (root / JOURNAL).exists():
            shutil.rmtree(staging, ignore_errors=True)
    return lines


def write_staging(
    root: Path,
    staging: Path,
    tables: dict[str, list[dict]],
    articles: list[dict],
    texts: dict[str, str],
    plover_types: list[str],
) -> list[str]:
    """Every file of the package under staging/, checked; returns the validation lines."""
    schemas = {name: load_schema(name, root) for name in TABLES}
    book = staging / "data" / workbook_name(root)
    write_tables(staging, tables, schemas)
    newest = max((row["published"] for row in tables["sources"]), default=dt.date(2000, 1, 1))
    write_workbook(book, tables, schemas, package_meta(root), dt.datetime.combine(newest, dt.time()))
    descriptor = describe_package(root, staging, articles)
    (staging / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    failpoint("staged")
    lines = validate_staged(staging, descriptor, schemas, texts, book)
    (staging / "data" / REPORT).write_text(render_quality_report(tables, lines, root), encoding="utf-8")
    draw_timeline(tables, plover_types, staging / "data")
    return lines


def write_tables(folder: Path, tables: dict[str, list[dict]], schemas: dict[str, dict]) -> None:
    (folder / "data").mkdir(parents=True)
    for name in TABLES:
        (folder / "data" / f"{name}.csv").write_bytes(csv_bytes(tables[name], schemas[name]))
        write_parquet(tables[name], schemas[name], folder / "data" / f"{name}.parquet")
