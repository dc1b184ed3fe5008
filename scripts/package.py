"""Publish: write every table as CSV and Parquet into a staging folder, describe, validate, then swap into place."""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
from pathlib import Path

from frictionless import FrictionlessException, Package, system

try:
    import fcntl
except ImportError:              # Windows: msvcrt's byte-range lock instead of flock
    fcntl = None
    import msvcrt

from .errors import BuildLocked, ValidationFailed
from .report import REPORT, render_quality_report
from .timeline import draw_timeline
from .workbook import read_workbook_rows, workbook_name, write_workbook
from .table import (TABLES, csv_bytes, load_schema, read_csv_rows, read_parquet_rows, write_parquet)

PACKAGE_META = "package.json"
SAFE_TEXT = "[^=+\\-@\\t\\r][\\s\\S]*"   # schemas' pattern for free text in CSV cells (spreadsheet-safe)
STAGING = ".build-staging"
PREVIOUS = ".publish-previous"
JOURNAL = ".publish-journal"
LOCK = ".build.lock"
FAILPOINT_VARIABLE = "PUBLISH_FAILPOINT"
FAILPOINTS = ("staged", "validated", "journal-written", "data-moved-aside", "data-replaced", "descriptor-replaced",
              "cleaned-up")
# Evidence-like fields: (text field, start field, end field), checked against the article on the written files.
SPANS = [("evidence", "evidence_start", "evidence_end"), ("text", "text_start", "text_end"),
         ("attribution", "attribution_start", "attribution_end")]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def describe_package(root: Path, folder: Path, articles: list[dict]) -> dict:
    """The datapackage.json descriptor: metadata from schemas/package.json, schemas, bytes and hashes of files."""
    meta = json.loads((root / "schemas" / PACKAGE_META).read_text(encoding="utf-8"))
    about = {r["name"]: r for r in meta.pop("resources")}
    resources = []
    book = workbook_name(root)
    for fmt in ("csv", "parquet", "xlsx"):
        for name in TABLES:
            schema = load_schema(name, root / "schemas")
            path = f"data/{name}.{fmt}" if fmt != "xlsx" else f"data/{book}"
            resource = {
                "name": name if fmt == "csv" else f"{name}-{fmt}",
                "profile": "tabular-data-resource",
                "title": about[name]["title"] + {"csv": "", "parquet": " (Parquet)", "xlsx": " (workbook sheet)"}[fmt],
                "description": about[name]["description"],
                "path": path,
                "format": fmt,
                "mediatype": MEDIATYPES[fmt],
                "bytes": (folder / path).stat().st_size,
                "hash": "sha256:" + sha256(folder / path),
                "schema": schema if fmt == "csv" else binary_schema(schema, fmt),
            }
            if fmt != "csv":  # frictionless cannot count a Parquet or xlsx file's bytes: record them outside its checks
                resource["x_integrity"] = {"bytes": resource.pop("bytes"), "hash": resource.pop("hash")}
            if fmt == "xlsx":
                resource["dialect"] = {"excel": {"sheet": name}}
            if fmt == "csv":
                resource["encoding"] = "utf-8"
                resource["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "header": True}
            resources.append(resource)
    return {
        "profile": "tabular-data-package",
        **meta,
        "sources": [{"title": a["title"], "path": a["path"], "sha256": a["sha256"]} for a in articles],
        "resources": resources,
    }


MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet",
              "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def binary_schema(schema: dict, fmt: str) -> dict:
    """The same schema, its foreign keys pointing at the resources of the same format. Parquet and the workbook store
    text unescaped (typed as text, never run as a formula), so the CSV's spreadsheet-safety pattern (no leading
    = + - @ tab CR) does not apply to them."""
    schema = copy.deepcopy(schema)
    for field in schema["fields"]:
        if field.get("constraints", {}).get("pattern") == SAFE_TEXT:
            del field["constraints"]["pattern"]
    for key in schema.get("foreignKeys", []):
        key["reference"]["resource"] += f"-{fmt}"
    return schema


def write_tables(folder: Path, tables: dict[str, list[dict]], schemas: dict[str, dict]) -> None:
    (folder / "data").mkdir(parents=True)
    for name in TABLES:
        (folder / "data" / f"{name}.csv").write_bytes(csv_bytes(tables[name], schemas[name]))
        write_parquet(tables[name], schemas[name], folder / "data" / f"{name}.parquet")


def validate_staged(folder: Path, schemas: dict[str, dict], articles: dict[str, str]) -> list[str]:
    """Every check on the written files; returns one line per resource, raises ValidationFailed on any failure."""
    try:
        with system.use_context(trusted=False):
            report = Package(str(folder / "datapackage.json")).validate()
    except FrictionlessException as exc:
        raise ValidationFailed(folder / "datapackage.json", "descriptor", "-", f"frictionless: {exc}",
                               "fix schemas/ or scripts/package.py; nothing was published.") from None
    lines = []
    for task in report.tasks:
        lines.append(f"{task.name}: {'valid' if task.valid else 'INVALID'} ({task.stats.get('rows', 0)} rows)")
        if not task.valid:
            error = task.errors[0]
            raise ValidationFailed(folder / "datapackage.json", task.name, getattr(error, "field_name", "-") or "-",
                                   f"frictionless: {error.message}", "fix the input or the code that made this row; nothing was published.")
    for name in TABLES:
        from_csv = read_csv_rows(folder / "data" / f"{name}.csv", schemas[name])
        from_parquet = read_parquet_rows(folder / "data" / f"{name}.parquet")
        if from_csv != from_parquet:
            diff = next((i for i, (a, b) in enumerate(zip(from_csv, from_parquet)) if a != b), len(from_csv))
            raise ValidationFailed(folder / "data" / f"{name}.parquet", f"row {diff}", "-",
                                   "CSV and Parquet differ.", "report this as a bug of scripts/table.py.")
        check_spans(name, from_csv, articles, folder)
    return lines


def check_workbook(path: Path, schemas: dict[str, dict]) -> None:
    """The workbook read back holds the same rows as the Parquet files next to it."""
    for name in TABLES:
        if read_workbook_rows(path, name, schemas[name]) != read_parquet_rows(path.parent / f"{name}.parquet"):
            raise ValidationFailed(path, name, "-", "the workbook's sheet differs from the Parquet file.",
                                   "report this as a bug of scripts/workbook.py; nothing was published.")


def check_spans(name: str, rows: list[dict], articles: dict[str, str], folder: Path) -> None:
    """Every evidence text equals the article's text at its offsets."""
    for index, row in enumerate(rows):
        source = row.get("source_id")
        for text, start, end in SPANS:
            if row.get(text) is None or start not in row or source is None:
                continue
            if articles[source][row[start]:row[end]] != row[text]:
                raise ValidationFailed(folder / "data" / f"{name}.csv", f"row {index}", text,
                                       f"the text at offsets {row[start]}:{row[end]} differs from the article.",
                                       "report this as a bug of the offset computation.")


def publish_package(root: Path, tables: dict[str, list[dict]], articles: list[dict], texts: dict[str, str],
                    plover_types: list[str]) -> list[str]:
    """Write and validate the package in .build-staging/, then commit it (see commit); on failure nothing is touched.
    The caller holds the build lock and has finished any interrupted publish (scripts/build.py)."""
    schemas = {name: load_schema(name, root / "schemas") for name in TABLES}
    staging = root / STAGING
    book = staging / "data" / workbook_name(root)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(root / PREVIOUS, ignore_errors=True)
    try:
        write_tables(staging, tables, schemas)
        newest = max((row["published"] for row in tables["sources"]), default=dt.date(2000, 1, 1))
        write_workbook(book, tables, schemas,
                       json.loads((root / "schemas" / PACKAGE_META).read_text(encoding="utf-8")),
                       dt.datetime.combine(newest, dt.time()))
        descriptor = describe_package(root, staging, articles)
        (staging / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")
        failpoint("staged")
        lines = validate_staged(staging, schemas, texts)
        check_workbook(book, schemas)
        report = render_quality_report(tables, lines)
        (staging / "data" / REPORT).write_text(report, encoding="utf-8")
        draw_timeline(tables, plover_types, staging / "data")
        failpoint("validated")
        commit(root)
    finally:
        if not (root / JOURNAL).exists():
            shutil.rmtree(staging, ignore_errors=True)
    return lines


def commit(root: Path) -> None:
    """Publish the validated staging copy. The journal, written atomically first, says that the staging copy is
    complete and valid; from then on every step is finished by roll_forward, here or by the next build after a
    crash. Before the journal exists data/ and datapackage.json are untouched."""
    sync_tree(root / STAGING)               # the staged files reach the disk before the journal says they are there
    temporary = root / (JOURNAL + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"staging": STAGING, "previous": PREVIOUS}) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / JOURNAL)
    sync_directory(root)
    failpoint("journal-written")
    roll_forward(root)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder below folder (a power cut after the journal must not find them empty)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for path in [folder, *sorted(p for p in folder.rglob("*") if p.is_dir())]:
        sync_directory(path)


def sync_directory(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def roll_forward(root: Path) -> bool:
    """Finish an interrupted publish; idempotent from any point after the journal was written. True if it did."""
    journal = root / JOURNAL
    if not journal.exists():
        return False
    staging, previous = root / STAGING, root / PREVIOUS
    previous.mkdir(exist_ok=True)
    if (staging / "data").exists():
        if (root / "data").exists():
            os.replace(root / "data", previous / "data")
            failpoint("data-moved-aside")
        os.replace(staging / "data", root / "data")
        failpoint("data-replaced")
    if (staging / "datapackage.json").exists():
        os.replace(staging / "datapackage.json", root / "datapackage.json")
        failpoint("descriptor-replaced")
    sync_directory(root)
    shutil.rmtree(previous, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    failpoint("cleaned-up")
    journal.unlink()
    sync_directory(root)
    return True


@contextlib.contextmanager
def build_lock(root: Path):
    """One build at a time per repository: a second one is refused at once (the lock dies with its process)."""
    path = root / LOCK
    handle = open(path, "a+", encoding="utf-8")
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError, OSError):
        try:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
        except OSError:
            holder = "unknown"
        handle.close()
        raise BuildLocked(path, "lock", "-", f"another build (pid {holder}) is running in this repository.",
                          "wait for it to finish, then build again.") from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def failpoint(name: str) -> None:
    """Crash-test hook: with PUBLISH_FAILPOINT=<name> the process kills itself here with SIGKILL (tests only)."""
    if os.environ.get(FAILPOINT_VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)
