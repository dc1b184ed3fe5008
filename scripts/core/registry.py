"""The package's registries: each concept defined once, most of them read from the schemas where they are data.

- the tables, in publishing order (one registration per table, below; its schema is schemas/<name>.json);
- the span fields of each table (a text field X with X_start and X_end), read from its schema;
- the reviewable sections of annotations.yaml (arrays whose items take `review`), read from the input schema;
- vote values and review statuses, read from the output schemas' enums;
- the id pattern (source ids, item ids, actor ids), read from schemas/input/definitions.schema.json;
- weekday names, from the standard library's calendar."""

from __future__ import annotations

import calendar
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .repo import INPUT_SCHEMAS, PACKAGE_META, ROOT, SCHEMAS


@dataclass(frozen=True)
class Table:
    """One published table. `covers_sentences`: its evidence accounts for a sentence of the article (coverage)."""

    name: str
    covers_sentences: bool = False


REGISTERED = (
    Table("sources"),
    Table("actors"),
    Table("mentions"),
    Table("events"),
    Table("event_actors"),
    Table("reports", covers_sentences=True),
    Table("quotes", covers_sentences=True),
    Table("votes"),
    Table("vote_statements", covers_sentences=True),
    Table("borders", covers_sentences=True),
    Table("claims"),
)
TABLES = tuple(table.name for table in REGISTERED)
COVERING = tuple(table.name for table in REGISTERED if table.covers_sentences)
WEEKDAYS = tuple(day.lower() for day in calendar.day_name)  # monday … sunday, date.weekday() order


def _read_json(path: Path) -> dict:
    """A JSON file, parsed once for as long as it is unchanged on disk (same size and modification time)."""
    stat = path.stat()
    return _parse_json(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_json(path: Path, mtime_ns: int, size: int) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def load_schema(name: str, root: Path = ROOT) -> dict:
    """The Table Schema of one published table (a fresh copy: callers may change it)."""
    return json.loads(json.dumps(_read_json(root / SCHEMAS / f"{name}.json")))


def package_meta(root: Path = ROOT) -> dict:
    """schemas/package.json: the package's name, title, version, licence and each resource's title (a fresh copy)."""
    return json.loads(json.dumps(_read_json(root / PACKAGE_META)))


def input_schema(name: str, root: Path = ROOT) -> dict:
    return _read_json(root / INPUT_SCHEMAS / f"{name}.schema.json")


def field_names(schema: dict) -> list[str]:
    return [field["name"] for field in schema["fields"]]


def spans(schema: dict) -> list[tuple[str, str, str]]:
    """(text field, start field, end field) of every span a table's rows carry, from its schema."""
    names = set(field_names(schema))
    return [
        (name, f"{name}_start", f"{name}_end")
        for name in field_names(schema)
        if f"{name}_start" in names and f"{name}_end" in names
    ]


def enum_of(table: str, field: str, root: Path = ROOT) -> tuple[str, ...]:
    """The allowed values of a field, from its schema's enum constraint."""
    schema = _read_json(root / SCHEMAS / f"{table}.json")
    return tuple(next(f for f in schema["fields"] if f["name"] == field)["constraints"]["enum"])


VOTE_VALUES = enum_of("votes", "vote")  # yes, no, abstain, non_voting
REVIEWABLE = tuple(
    name
    for name in TABLES
    if any(f["name"] == "review_status" for f in _read_json(ROOT / SCHEMAS / f"{name}.json")["fields"])
)


def reviewable_sections(root: Path = ROOT) -> tuple[str, ...]:
    """Sections of annotations.yaml whose items carry `review` (drafted or reviewed)."""
    properties = input_schema("annotations", root)["properties"]
    return tuple(
        name
        for name, spec in properties.items()
        if spec.get("type") == "array" and "review" in spec["items"].get("properties", {})
    )


def definition(name: str, root: Path = ROOT) -> dict:
    return input_schema("definitions", root)["$defs"][name]


ID_PATTERN = re.compile(definition("id")["pattern"])
