"""What a build takes from the package it replaces instead of writing and proving it again. A table whose published
CSV holds exactly the bytes this build writes was proven equal to its Parquet file and its workbook sheet by the
build that published them; when those files are still the ones the published datapackage.json describes (their
SHA-256), the Parquet file is linked into the new package as it is, the sheet's part is copied into the new workbook,
and neither is compared with the CSV again. Everything else is written and compared."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.registry import TABLES


@dataclass(frozen=True)
class Earlier:
    """The published package's files that this build may take."""

    workbook: Path | None = None  # the published workbook, intact
    sheets: frozenset[str] = frozenset()  # tables whose CSV is unchanged (their sheets, if the workbook is intact)
    parquet: dict[str, Path] | None = None  # table -> its intact published Parquet file, for unchanged tables


def recorded_hashes(target: Path) -> dict[str, str]:
    """Each published file's SHA-256 as the published datapackage.json records it."""
    described = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    hashes = {}
    for resource in described["resources"]:
        integrity = resource.get("x_integrity", resource)
        hashes[resource["path"]] = integrity["hash"].removeprefix("sha256:")
    return hashes


def intact(path: Path, hashes: dict[str, str], target: Path) -> bool:
    try:
        return hashes.get(path.relative_to(target).as_posix()) == hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False


def earlier_package(target: Path, book: str, csv: dict[str, bytes]) -> Earlier:
    """What of the package published in target this build may take (nothing when it cannot be read or checked)."""
    try:
        hashes = recorded_hashes(target)
        same = frozenset(name for name in TABLES if (target / "data" / f"{name}.csv").read_bytes() == csv[name])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Earlier()
    workbook = target / "data" / book
    parquet = {name: target / "data" / f"{name}.parquet" for name in same}
    return Earlier(
        workbook if intact(workbook, hashes, target) else None,
        same,
        {name: path for name, path in parquet.items() if intact(path, hashes, target)},
    )


def link_or_copy(source: Path, destination: Path) -> None:
    """A published file into the staging copy: linked (nothing is ever changed in place), or copied."""
    try:
        os.link(source, destination)
    except OSError:
        destination.write_bytes(source.read_bytes())
