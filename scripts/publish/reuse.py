"""What a build takes from the package it replaces instead of writing and proving it again. A table whose published
CSV holds exactly the bytes this build writes was proven equal to its Parquet file and its workbook sheet by the
build that published them; when those files are still the ones the published datapackage.json describes (their
SHA-256), the Parquet file is linked into the new package as it is, the sheet's part is copied into the new workbook,
and neither is compared with the CSV again. Everything else is written and compared.

frictionless's verdict on such a CSV carries over too (`Earlier.validated`) when the published datapackage.json
described it by the same rules (schema, dialect, encoding) and every table its foreign keys point to holds the same
keys as before: frictionless then checks only the other tables, against the whole package. Its evidence spans were
checked against the same article texts when the sources table is unchanged too (it holds each text's SHA-256)."""

from __future__ import annotations

import csv as csv_module
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.registry import TABLES
from .descriptor import RULES, csv_rules


@dataclass(frozen=True)
class Earlier:
    """The published package's files that this build may take."""

    workbook: Path | None = None  # the published workbook, intact
    sheets: frozenset[str] = frozenset()  # tables whose CSV is unchanged (their sheets, if the workbook is intact)
    parquet: dict[str, Path] | None = None  # table -> its intact published Parquet file, for unchanged tables
    validated: frozenset[str] = frozenset()  # unchanged tables whose frictionless verdict still holds
    spans: frozenset[str] = frozenset()  # unchanged tables whose evidence spans were checked against these texts


def recorded_hashes(described: dict) -> dict[str, str]:
    """Each published file's SHA-256 as the published datapackage.json records it."""
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


def earlier_package(target: Path, book: str, csv: dict[str, bytes], schemas: dict[str, dict] | None = None) -> Earlier:
    """What of the package published in target this build may take (nothing when it cannot be read or checked)."""
    try:
        described = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
        hashes = recorded_hashes(described)
        published = {name: (target / "data" / f"{name}.csv").read_bytes() for name in TABLES}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Earlier()
    same = frozenset(  # the published CSV, as published (its SHA-256 the one the descriptor records)
        name
        for name in TABLES
        if published[name] == csv[name] and hashes.get(f"data/{name}.csv") == hashlib.sha256(csv[name]).hexdigest()
    )
    workbook = target / "data" / book
    parquet = {name: target / "data" / f"{name}.parquet" for name in same}
    return Earlier(
        workbook if intact(workbook, hashes, target) else None,
        same,
        {name: path for name, path in parquet.items() if intact(path, hashes, target)},
        carried_verdicts(same, described, published, csv, schemas) if schemas else frozenset(),
        same if "sources" in same else frozenset(),
    )


def carried_verdicts(
    same: frozenset[str], described: dict, published: dict[str, bytes], csv: dict[str, bytes], schemas: dict
) -> frozenset[str]:
    """Of the tables whose CSV is the published, intact one: those described by the same rules as before whose
    foreign keys point only to tables holding the same keys as before."""
    before = {r["name"]: r for r in described["resources"] if r.get("format") == "csv"}
    ruled = {
        name for name in same if name in before and {k: before[name].get(k) for k in RULES} == csv_rules(schemas[name])
    }
    kept, keys = set(), {}

    def same_keys(target: str, fields: list[str]) -> bool:
        if (target, *fields) not in keys:
            keys[target, *fields] = key_values(published[target], fields) == key_values(csv[target], fields)
        return keys[target, *fields]

    for name in ruled:
        references = [
            (key["reference"].get("resource") or name, key["reference"]["fields"])
            for key in schemas[name].get("foreignKeys", [])
        ]
        try:
            if all(target in ruled or same_keys(target, fields) for target, fields in references):
                kept.add(name)
        except ValueError:  # a referenced field missing from a header: checked again
            continue
    return frozenset(kept)


def key_values(data: bytes, fields: list[str]) -> set[tuple[str, ...]]:
    """The values of `fields` in each row of a CSV file's bytes."""
    reader = csv_module.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(reader, [])
    columns = [header.index(field) for field in fields]
    return {tuple(row[column] for column in columns) for row in reader}


def link_or_copy(source: Path, destination: Path) -> None:
    """A published file into the staging copy: linked (nothing is ever changed in place), or copied."""
    try:
        os.link(source, destination)
    except OSError:
        destination.write_bytes(source.read_bytes())
