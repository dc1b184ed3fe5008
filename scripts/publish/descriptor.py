"""datapackage.json: the package's metadata (schemas/package.json), every table in three formats with its schema,
and the bytes and SHA-256 of every file."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from ..core.registry import TABLES, load_schema, package_meta
from .workbook import workbook_name

FORMATS = ("csv", "parquet", "xlsx")
SAFE_TEXT = "[^=+\\-@\\t\\r][\\s\\S]*"  # schemas' pattern for free text in CSV cells (spreadsheet-safe)
MEDIATYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TITLE_SUFFIX = {"csv": "", "parquet": " (Parquet)", "xlsx": " (workbook sheet)"}
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True}
RULES = ("format", "encoding", "dialect", "schema")  # what frictionless checks a CSV resource against


def csv_rules(schema: dict) -> dict:
    """The rules of a CSV resource (RULES), as datapackage.json gives them."""
    return {"format": "csv", "encoding": "utf-8", "dialect": CSV_DIALECT, "schema": schema}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def describe_package(root: Path, folder: Path, articles: list[dict], formats: tuple[str, ...] = FORMATS) -> dict:
    """The datapackage.json descriptor of the files written under folder (of its resources in `formats`)."""
    meta = package_meta(root)
    about = {r["name"]: r for r in meta.pop("resources")}
    book = workbook_name(root)
    resources = [describe_resource(root, folder, name, fmt, about[name], book) for fmt in formats for name in TABLES]
    return {
        "profile": "tabular-data-package",
        **meta,
        "sources": [{"title": a["title"], "path": a["path"], "sha256": a["sha256"]} for a in articles],
        "resources": resources,
    }


def describe_resource(root: Path, folder: Path, name: str, fmt: str, about: dict, book: str) -> dict:
    schema = load_schema(name, root)
    path = f"data/{name}.{fmt}" if fmt != "xlsx" else f"data/{book}"
    resource = {
        "name": resource_name(name, fmt),
        "profile": "tabular-data-resource",
        "title": about["title"] + TITLE_SUFFIX[fmt],
        "description": about["description"],
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
        resource.update({key: value for key, value in csv_rules(schema).items() if key not in ("format", "schema")})
    return resource


def resource_name(table: str, fmt: str) -> str:
    return table if fmt == "csv" else f"{table}-{fmt}"


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
