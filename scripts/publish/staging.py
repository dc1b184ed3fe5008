"""The staging copy: every file of the package (and README.md, when its generated blocks change) written into
.build-staging/ and checked there (scripts/publish/checks.py) before the journal swaps it in
(scripts/publish/journal.py). On any failure before the journal the staging copy is removed and data/ is untouched;
an OSError (disk full, read-only, another filesystem) becomes a named error."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import PublishFailed
from ..core.registry import TABLES, load_schema, package_meta
from . import frictionless_check
from .beside import Beside
from .checks import validate_staged
from .codec import csv_bytes, write_parquet
from .descriptor import describe_package
from .journal import (
    ENTRIES,
    JOURNAL,
    PREVIOUS,
    STAGING,
    check_space,
    check_writable,
    commit,
    failpoint,
    listing,
    os_error,
    refuse_links,
    remove,
)
from .pages import cache_folder, staged_pages
from .readme import stage_readme
from .record import forget, package_digest, published_files, remember, unchanged
from .report import REPORT, render_quality_report
from .reuse import earlier_package, link_or_copy
from .site import write_site
from .workbook import workbook_name, write_workbook

UNCHANGED = "published data/ and datapackage.json: the same bytes as before, nothing written"


@dataclass(frozen=True)
class Plan:
    """What a publish writes, known before writing: each table's CSV bytes, the digest of every input, and the last
    publish's validation lines when the package on disk is already this one (then nothing is written)."""

    csv: dict[str, bytes]
    digest: str
    lines: list[str] | None


def plan_publish(
    root: Path, tables: dict[str, list[dict]], texts: dict[str, str], plover_types: list[str], target: Path
) -> Plan:
    schemas = {name: load_schema(name, root) for name in TABLES}
    csv = {name: csv_bytes(tables[name], schemas[name]) for name in TABLES}
    digest = package_digest(root, csv, texts, plover_types, readme=target == root)
    return Plan(csv, digest, unchanged(root, target, digest))


def publish_package(
    root: Path,
    tables: dict[str, list[dict]],
    articles: list[dict],
    texts: dict[str, str],
    plover_types: list[str],
    target: Path | None = None,
    plan: Plan | None = None,
) -> tuple[list[str], str]:
    """Write and check the package in .build-staging/, then commit it; on failure nothing is touched. The caller
    holds the build lock and has finished any interrupted publish (scripts/build.py). `target`: the folder that
    receives data/ and datapackage.json (default: the repository; a preview goes elsewhere and leaves README.md
    alone). When the package on disk is already what this would publish (`plan`), nothing is written. Returns the
    validation lines and a true line about what the publish changed."""
    target = target or root
    plan = plan or plan_publish(root, tables, texts, plover_types, target)
    if plan.lines is not None:
        checked = len([rel for rel in published_files(target) if rel != "README.md"])
        return plan.lines, f"{UNCHANGED} ({checked} files, each as the last publish left it)"
    staging = target / STAGING
    target.mkdir(parents=True, exist_ok=True)
    prepare(target)
    forget(root, target)
    try:
        lines = write_staging(root, staging, tables, plan.csv, articles, texts, plover_types, readme=target == root)
        failpoint("validated")
        readme = (staging / "README.md").exists()  # its generated blocks change with this package
        site = staged_pages(cache_folder(root, target != root), staging / "data" / "site")
        change = commit(target, site)
        digest = package_digest(root, plan.csv, texts, plover_types, readme=True) if readme else plan.digest
        remember(root, target, digest, lines)  # the digest of what is on disk now
    except OSError as exc:
        raise os_error(exc, staging) from None
    finally:
        if not os.path.lexists(target / JOURNAL):  # with a journal, the next build needs the staging copy
            remove(staging)
            remove(target / (JOURNAL + ".tmp"))
    return lines, change


def prepare(root: Path) -> None:
    """Refuse linked build folders, remove a failed build's leftovers and check, before writing anything, that the
    root and data/ are writable and that the filesystem has room for a package the size of the current one."""
    refuse_links(root)
    if os.path.lexists(root / JOURNAL):
        raise PublishFailed(
            root / JOURNAL,
            "publish",
            "-",
            "an earlier publish is unfinished.",
            "run the build (python -m scripts.build), which finishes or undoes it first.",
        )
    for leftover in (root / STAGING, root / PREVIOUS, root / (JOURNAL + ".tmp")):
        remove(leftover)
    check_writable(root, root / "data")
    size = sum(
        path.lstat().st_size
        for entry in ENTRIES
        if os.path.lexists(root / entry)
        for path in listing(root, entry).values()
        if path is not None
    )
    check_space(root, size, "stage a package the size of the current one")


def write_staging(
    root: Path,
    staging: Path,
    tables: dict[str, list[dict]],
    csv: dict[str, bytes],
    articles: list[dict],
    texts: dict[str, str],
    plover_types: list[str],
    readme: bool = True,
) -> list[str]:
    """Every file of the package under staging/, checked, and README.md if its generated blocks change (its markers
    are checked first; not for a preview); returns the validation lines."""
    staging.mkdir()
    schemas = {name: load_schema(name, root) for name in TABLES}
    book = staging / "data" / workbook_name(root)
    earlier = earlier_package(staging.parent, book.name, csv, schemas)
    write_csv(staging, csv)
    csv_only = staging.parent / (STAGING + ".csv.json")  # beside the staging copy, never published
    csv_only.write_text(json.dumps(describe_package(root, staging, articles, formats=("csv",))), encoding="utf-8")
    checking = frictionless_check.start(staging, csv_only, [name for name in TABLES if name not in earlier.validated])
    caches = {kind: cache_folder(root, not readme, kind) for kind in ("pages", "timeline")}
    site = staging.parent / "data" / "site"
    drawing = Beside(lambda: pictures_and_pages(staging, tables, texts, plover_types, root, caches, site))
    try:  # the two children work on the CSVs, the pictures and the pages; this process writes the rest
        write_parquet_files(staging, tables, schemas, earlier.parquet or {})
        if readme:
            stage_readme(root, staging, tables)
        newest = max((row["published"] for row in tables["sources"]), default=dt.date(2000, 1, 1))
        created = dt.datetime.combine(newest, dt.time())
        taken = write_workbook(book, tables, schemas, package_meta(root), created, earlier.workbook, earlier.sheets)
        descriptor = describe_package(root, staging, articles)
        (staging / "datapackage.json").write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        proven = {"parquet": frozenset(earlier.parquet or ()), "workbook": taken, "spans": earlier.spans}

        def drawn() -> None:  # while frictionless checks the CSVs; the drawing ends before the crash-test point
            drawing.wait()
            failpoint("staged")

        counts = {name: len(tables[name]) for name in TABLES}
        lines = validate_staged(staging, descriptor, schemas, texts, book, drawn, proven, checking, counts)
    finally:
        drawing.stop()
        checking.kill()  # nothing if it has ended
        checking.wait()
        csv_only.unlink(missing_ok=True)
    (staging / "data" / REPORT).write_text(render_quality_report(tables, lines, root), encoding="utf-8")
    return lines


def pictures_and_pages(
    staging: Path,
    tables: dict,
    texts: dict[str, str],
    plover_types: list[str],
    root: Path,
    caches: dict[str, Path],
    site: Path,
) -> None:
    """The timeline and the evidence site (cached in `caches`; `site`: the published site, its unchanged pages)."""
    from .timeline import draw_timeline

    draw_timeline(tables, plover_types, staging / "data", cache=caches["timeline"])
    write_site(staging / "data" / "site", tables, texts, root, cache=caches["pages"], earlier=site)


def write_csv(folder: Path, csv: dict[str, bytes]) -> None:
    """Each table's CSV file (its bytes given) under folder/data/."""
    (folder / "data").mkdir(parents=True)
    for name in TABLES:
        (folder / "data" / f"{name}.csv").write_bytes(csv[name])


def write_parquet_files(
    folder: Path, tables: dict[str, list[dict]], schemas: dict[str, dict], taken: dict[str, Path]
) -> None:
    """Each table's Parquet file under folder/data/; a file of `taken` is the published one, linked
    (scripts/publish/reuse.py)."""
    for name in TABLES:
        if name in taken:
            link_or_copy(taken[name], folder / "data" / f"{name}.parquet")
        else:
            write_parquet(tables[name], schemas[name], folder / "data" / f"{name}.parquet")
