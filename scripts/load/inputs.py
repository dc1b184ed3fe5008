"""Read curated input files strictly: safe YAML without duplicate keys or implicit dates, checked by JSON Schema."""

from __future__ import annotations

import csv
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource

from ..core.errors import AnnotationFormatError
from ..core.registry import input_schema
from ..core.repo import ROOT

MAX_YAML_BYTES = 2_000_000  # curated YAML larger than this is refused (the seed's annotations are ~40 KB)


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys, anchors and aliases (no "billion laughs"), and reads dates as plain
    strings (the build parses them). Tags that construct objects are refused by SafeLoader itself."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key]})", mark
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, schema_name: str, root: Path = ROOT) -> dict:
    """Parse a curated YAML file and check it against schemas/input/<schema_name>.schema.json."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_YAML_BYTES:
            raise AnnotationFormatError(
                path,
                "file",
                "size",
                f"{len(raw):,} bytes; the limit is {MAX_YAML_BYTES:,}.",
                "split the annotations, or report why a file this large is needed.",
            )
        text = raw.decode("utf-8")
        tab = text.find("\t")
        if tab != -1:
            line = text.count("\n", 0, tab) + 1
            column = tab - (text.rfind("\n", 0, tab) + 1) + 1
            raise AnnotationFormatError(
                path,
                f"line {line}, column {column}",
                "YAML",
                "a tab character.",
                "indent with spaces, and write a tab inside text as \\t in double quotes.",
            )
        data = yaml.load(text, Loader=StrictLoader)
    except FileNotFoundError:
        raise AnnotationFormatError(
            path, "file", "-", "the file is missing.", f"create it (see schemas/input/{schema_name}.schema.json)."
        ) from None
    except UnicodeDecodeError as exc:
        raise AnnotationFormatError(
            path, "file", "encoding", f"not UTF-8 ({exc.reason} at byte {exc.start}).", "save the file as UTF-8."
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc)
        raise AnnotationFormatError(
            path, where, "YAML", f"{problem}.", "correct the YAML syntax at that position."
        ) from None
    errors = sorted(validator(schema_name, root).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        item = describe_path(data, list(err.absolute_path))
        field = str(err.absolute_path[-1]) if err.absolute_path else "-"
        raise AnnotationFormatError(
            path, item, field, f"{err.message}.", f"follow schemas/input/{schema_name}.schema.json."
        )
    return data


def validator(schema_name: str, root: Path) -> jsonschema.Draft202012Validator:
    """A validator of one input schema, its references to definitions.schema.json resolved locally (no network)."""
    definitions = Resource.from_contents(input_schema("definitions", root))
    registry = Registry().with_resource("definitions.schema.json", definitions)
    return jsonschema.Draft202012Validator(input_schema(schema_name, root), registry=registry)


def describe_path(data: object, path: list) -> str:
    """Name an item by its id where it has one ("events[3] (id: x)"), else by its position."""
    parts, node = [], data
    for step in path:
        node = node[step] if isinstance(node, (dict, list)) else None
        if isinstance(step, int):
            ident = node.get("id") if isinstance(node, dict) else None
            parts[-1] += f"[{step}]" + (f" (id: {ident})" if ident else "")
        else:
            parts.append(str(step))
    return ".".join(parts) or "document"


def read_csv(path: Path) -> list[dict]:
    """Read a reference CSV (UTF-8, header row) into a list of dicts of strings."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
