"""Every input file of the build is read here, through one guarded path (`read_input`): a regular file (never a FIFO,
a device or a folder, and never opened before that is known, so a FIFO cannot hang the build), whose every link
stays inside the repository, no larger than its limit, decoded strictly as UTF-8 without a byte-order mark, its text
free of lone surrogates, noncharacters and control characters other than tab and newline (`unsafe_character`).

On top of it: curated YAML (`load_yaml`: safe, no duplicate keys, anchors, implicit dates or non-text keys, nesting
and integers bounded, every string checked, then JSON Schema with the line of the item at fault) and reference CSVs
(`read_csv`: a header and rows checked against their own small schema in schemas/input/csv/). No error message
prints the contents of a file it refused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import stat
import unicodedata
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource

from ..core.errors import AnnotationFormatError, BuildError, ReferenceFormatError, UnsafePath, display_path
from ..core.registry import input_schema
from ..core.repo import ROOT

MAX_YAML_BYTES = 2_000_000  # curated YAML larger than this is refused (the seed's annotations are ~40 KB)
MAX_CSV_BYTES = 5_000_000  # the largest reference file is ~40 KB
MAX_TEXT = 32_767  # characters: the most a spreadsheet cell holds; no text of the inputs may be longer
MAX_DEPTH = 32  # nesting of YAML collections (the annotations nest 5 deep)
MAX_INT_DIGITS = 15  # a YAML integer beyond this is not a count, a length or an offset but a mistake
CSV_SCHEMAS = Path("schemas") / "input" / "csv"

# Characters no text of the package may hold: C0 and C1 controls but tab and newline (a carriage return included),
# DEL, lone surrogates (which only YAML escapes like "\ud800" can make), and the Unicode noncharacters.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)


def unsafe_character(text: str) -> tuple[int, str] | None:
    """(offset, description) of the first character a table may not hold, or None."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        what = f"a lone surrogate U+{ord(char):04X} (half of a UTF-16 pair, not a character)"
    elif char == "\r":
        what = "a carriage return (U+000D)"
    elif unicodedata.category(char) == "Cc":
        name = CONTROL_NAMES.get(ord(char), "control character")
        what = f"a control character U+{ord(char):04X} ({name})"
    else:
        what = f"the noncharacter U+{ord(char):04X}"
    return found.start(), what


CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def line_column(text: str, offset: int) -> str:
    """'line L, column C' of a character offset (both counted from 1)."""
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def read_input(path: Path, root: Path, limit: int, error: type[BuildError], item: str) -> bytes:
    """The bytes of one input file, read through the guarded path: the file and every link on its way inside the
    repository, a regular file (checked before it is opened, and again on the open descriptor), at most `limit`
    bytes. `error` names a missing file or one over the limit; links and non-files are UnsafePath."""
    name = display_path(path)
    repository = root.resolve()
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        raise error(path, item, "file", "the file is missing.", f"create {name}, or restore it from git.") from None
    except (OSError, RuntimeError) as exc:  # a loop of links, a name too long, no permission
        raise UnsafePath(
            path,
            item,
            "file",
            f"the path cannot be followed ({type(exc).__name__}).",
            f"replace {name} with a regular file.",
        ) from None
    if not real.is_relative_to(repository):
        raise UnsafePath(
            path,
            item,
            "file",
            f"a link to {real}, outside the repository.",
            "copy the file into the repository instead of linking to it.",
        )
    check_regular(path, os.stat(real).st_mode, item)
    try:
        handle = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnsafePath(
            path, item, "file", f"it cannot be opened ({exc.strerror}).", f"make {name} a readable regular file."
        ) from None
    with os.fdopen(handle, "rb") as stream:
        check_regular(path, os.fstat(stream.fileno()).st_mode, item)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise error(
            path,
            item,
            "size",
            f"more than {limit:,} bytes (the limit).",
            "check that this is the right file; the limits are in scripts/load/ and the README.",
        )
    return data


def check_regular(path: Path, mode: int, item: str) -> None:
    """A regular file, or UnsafePath naming what it is instead."""
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((what for test, what in kinds if test(mode)), "not a regular file")
    raise UnsafePath(
        path, item, "file", f"{kind}, not a regular file.", f"replace {display_path(path)} with a regular file."
    )


def decode_text(data: bytes, path: Path, error: type[BuildError], item: str) -> str:
    """UTF-8 without a byte-order mark, with no character a table may not hold; `error` names what is wrong."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise error(
            path,
            item,
            "encoding",
            "it starts with a UTF-8 byte-order mark.",
            "save the file as UTF-8 without a byte-order mark.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            path,
            item,
            "encoding",
            f"not UTF-8: byte {exc.start} (line {line}) is 0x{data[exc.start]:02x} "
            f"({exc.reason}); Latin-1 or Windows-1252 perhaps.",
            "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8).",
        ) from None
    return text


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys, keys that are not text, anchors and aliases (no "billion laughs"),
    collections nested deeper than MAX_DEPTH and integers longer than MAX_INT_DIGITS, and reads dates as plain
    strings (the build parses them). Tags that construct objects are refused by SafeLoader itself."""

    depth = 0

    def compose_node(self, parent, index):
        """One node, refused when it is an alias or anchored, or nests one level too deep."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", event.start_mark
            )
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"lists and mappings nested more than {MAX_DEPTH} deep", event.start_mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key that is a list or a mapping; keys are text", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key {short(key_node.value)} is read as {type(key).__name__}, not as text "
                f"(quote it: '{short(key_node.value, 40, quote=False)}')",
                key_node.start_mark,
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {short(key)} (first at line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_int(loader: StrictLoader, node: yaml.ScalarNode) -> int:
    digits = sum(char.isdigit() for char in node.value)
    if digits > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"an integer of {digits} digits (at most {MAX_INT_DIGITS})", node.start_mark
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def short(value: object, limit: int = 60, quote: bool = True) -> str:
    """A value for an error message: its repr (or text), cut to `limit` characters, so that no message prints a
    whole file."""
    text = repr(value) if quote else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_yaml(text: str, path: Path) -> tuple[object, dict[tuple, yaml.Node], dict[tuple, yaml.Node]]:
    """The document, and the node of every value and every key by its path (for lines and raw scalars)."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    values: dict[tuple, yaml.Node] = {}
    keys: dict[tuple, yaml.Node] = {}
    stack = [((), node)] if node is not None else []
    while stack:
        where, current = stack.pop()
        values[where] = current
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                keys[where + (key_node.value,)] = key_node
                stack.append((where + (key_node.value,), value_node))
        elif isinstance(current, yaml.SequenceNode):
            stack += [(where + (index,), child) for index, child in enumerate(current.value)]
    return data, values, keys


def load_yaml(path: Path, schema_name: str, root: Path = ROOT) -> dict:
    """Parse a curated YAML file and check it against schemas/input/<schema_name>.schema.json."""
    data = read_input(path, root, MAX_YAML_BYTES, AnnotationFormatError, "file")
    text = decode_text(data, path, AnnotationFormatError, "file")
    tab = text.find("\t")
    if tab != -1:
        raise AnnotationFormatError(
            path,
            line_column(text, tab),
            "YAML",
            "a tab character.",
            "indent with spaces, and write a tab inside text as \\t in double quotes.",
        )
    unsafe = unsafe_character(text.replace("\r", "\n").replace("\x85", "\n"))  # YAML reads both as line breaks
    if unsafe:
        raise AnnotationFormatError(
            path,
            line_column(text, unsafe[0]),
            "YAML",
            f"{unsafe[1]}.",
            "remove the character (write text as text, not as control codes).",
        )
    try:
        document, values, keys = parse_yaml(text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise AnnotationFormatError(
            path, where, "YAML", f"{problem}.", "correct the YAML syntax at that position."
        ) from None
    check_values(document, (), values, path)
    check_schema(document, schema_name, root, path, values, keys)
    return document


def node_line(values: dict[tuple, yaml.Node], where: tuple) -> str:
    """'line N' of the value at `where` (or of the nearest enclosing item the document has)."""
    for end in range(len(where), -1, -1):
        if where[:end] in values:
            return f"line {values[where[:end]].start_mark.line + 1}"
    return "line 1"


def locate_item(document: object, where: tuple, values: dict[tuple, yaml.Node]) -> str:
    """An item named by its id where it has one, and its line: 'events[3] (id: x), line 40'."""
    return f"{describe_path(document, list(where))}, {node_line(values, where)}"


def check_values(
    value: object, where: tuple, values: dict[tuple, yaml.Node], path: Path, document: object = None
) -> None:
    """Every string (keys included) is text a table can hold; every number is finite."""
    document = value if document is None else document
    problem = fix = None
    if isinstance(value, str):
        unsafe = unsafe_character(value)
        if unsafe:
            problem = f"{unsafe[1]} at character {unsafe[0] + 1} of the text."
            fix = "remove it (in double quotes, escapes like \\e, \\r, \\v, \\N or \\ud800 write such characters)."
        elif len(value) > MAX_TEXT:
            problem = f"a text of {len(value):,} characters; a table cell holds at most {MAX_TEXT:,}."
            fix = "shorten the text (cite a passage, not a whole article)."
    elif isinstance(value, float) and not math.isfinite(value):
        raw = getattr(values.get(where), "value", str(value))
        problem = f"{short(raw, quote=False)} is not a finite number."
        fix = "give a finite decimal number (e.g. 0.05)."
    if problem:
        field = str(where[-1]) if where else "-"
        raise AnnotationFormatError(path, locate_item(document, where, values), field, problem, fix)
    if isinstance(value, dict):
        for key, child in value.items():
            check_values(key, where + (key,), values, path, document)
            check_values(child, where + (key,), values, path, document)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            check_values(child, where + (index,), values, path, document)


def check_schema(
    document: object,
    schema_name: str,
    root: Path,
    path: Path,
    values: dict[tuple, yaml.Node],
    keys: dict[tuple, yaml.Node],
) -> None:
    """The document against its input schema; the first error named by item, line, field and a short problem."""
    errors = sorted(validator(schema_name, root).iter_errors(document), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    err = errors[0]
    where = tuple(err.absolute_path)
    field = str(where[-1]) if where else "-"
    line = node_line(values, where)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        extra = next((key for key in err.instance if key not in allowed), None)
        if extra is not None:
            field, line = extra, node_line(keys, where + (extra,))
    item = f"{describe_path(document, list(where))}, {line}"
    problem, fix = schema_problem(err, values.get(tuple(err.absolute_path)), schema_name)
    raise AnnotationFormatError(path, item, field, problem, fix)


def schema_problem(err: jsonschema.ValidationError, node: yaml.Node | None, schema_name: str) -> tuple[str, str]:
    """The problem and the fix of a schema error, without printing more than a short piece of the value."""
    fix = f"follow schemas/input/{schema_name}.schema.json."
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    plain = raw is not None and node.style is None and not isinstance(err.instance, str)
    if plain and err.instance is not None and expects_text(err):
        return (
            f"{raw} is read by YAML as the {type(err.instance).__name__} {short(err.instance)}, not as text.",
            f"quote it: '{raw}'.",
        )
    if err.validator == "type" and isinstance(err.instance, float) and "integer" in as_list(err.validator_value):
        return (
            f"{short(raw or err.instance, quote=False)} is a decimal number; the field takes a whole number.",
            f"write it without a decimal point (e.g. {int(err.instance) if err.instance.is_integer() else 1}).",
        )
    message = err.message
    text = repr(err.instance)
    if len(text) > 60:
        message = message.replace(text, short(err.instance))
    if err.validator == "type" and not err.absolute_path:
        kind = {str: "text", list: "a list", type(None): "empty"}.get(type(err.instance), type(err.instance).__name__)
        message = f"the document is {kind}, not a mapping of fields (not of type 'object')"
    return f"{short(message, 300, quote=False)}.", fix


def as_list(value: object) -> list:
    """A schema keyword's value as a list (`type` may be one name or several)."""
    return value if isinstance(value, list) else [value]


def expects_text(err: jsonschema.ValidationError) -> bool:
    """The schema wanted a string where YAML read a number, a boolean or a date (unquoted `cameo: 040`)."""
    if err.validator == "type":
        return "string" in as_list(err.validator_value) and "integer" not in as_list(err.validator_value)
    return err.validator in ("anyOf", "oneOf") and any(expects_text(sub) for sub in err.context)


def strict_integer(checker: jsonschema.TypeChecker, instance: object) -> bool:
    """An integer is an int (not a bool, and not a float like 1.0, which JSON Schema would otherwise accept)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


def anchored(pattern: str) -> re.Pattern:
    """A schema pattern with a final `$` meaning the very end of the text: Python's `$` also matches before a final
    newline, so that an id "x\\n" would pass."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def end_anchored_pattern(validator, pattern: str, instance: object, schema: dict):
    """The `pattern` keyword, anchored at the very end (see anchored)."""
    if isinstance(instance, str) and not anchored(pattern).search(instance):
        yield jsonschema.ValidationError(f"{short(instance)} does not match {pattern!r}")


STRICT = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    {"pattern": end_anchored_pattern},
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", strict_integer),
)


def validator(schema_name: str, root: Path) -> jsonschema.Draft202012Validator:
    """A validator of one input schema, its references to definitions.schema.json resolved locally (no network);
    integers are ints and patterns are anchored at the very end."""
    definitions = Resource.from_contents(input_schema("definitions", root))
    registry = Registry().with_resource("definitions.schema.json", definitions)
    return STRICT(input_schema(schema_name, root), registry=registry)


def describe_path(data: object, path: list) -> str:
    """Name an item by its id where it has one ("events[3] (id: x)"), else by its position."""
    parts, node = [""], data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(step, int):
            ident = node.get("id") if isinstance(node, dict) else None
            parts[-1] += f"[{step}]" + (f" (id: {short(ident, 60, quote=False)})" if isinstance(ident, str) else "")
        else:
            parts.append(str(step))
    return ".".join(part for part in parts if part) or "document"


def read_csv(path: Path, root: Path = ROOT, schema_name: str | None = None) -> list[dict]:
    """A reference or vocabulary CSV (UTF-8, a header row) as a list of dicts of strings, read through the guarded
    path and checked against schemas/input/csv/<schema_name>.json (default: the file's stem) before any use."""
    name = schema_name or path.stem
    data = read_input(path, root, MAX_CSV_BYTES, ReferenceFormatError, "file")
    text = decode_text(data, path, ReferenceFormatError, "file")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ReferenceFormatError(
            path,
            "file",
            "CSV",
            f"not CSV ({exc}).",
            "write one header row and comma-separated rows, text with commas in quotes.",
        ) from None
    if not lines:
        raise ReferenceFormatError(
            path, "file", "header", "the file is empty.", f"give the header and rows of schemas/input/csv/{name}.json."
        )
    schema = csv_schema(name, root)
    check_header(lines[0], schema, path, name)
    rows = []
    for number, line in enumerate(lines[1:], 2):
        if not line:
            continue
        if len(line) != len(lines[0]):
            raise ReferenceFormatError(
                path,
                f"line {number}",
                "-",
                f"{len(line)} cells; the header has {len(lines[0])}.",
                "quote text that holds commas; give every column a cell.",
            )
        row = dict(zip(lines[0], line))
        check_row(row, schema, path, f"line {number} ({short(line[0], 40, quote=False)})", name)
        rows.append(row)
    return rows


def csv_schema(name: str, root: Path) -> dict:
    """The small Table Schema of one reference CSV (schemas/input/csv/<name>.json of the repository, or of this
    checkout when the repository has none: a folder holding only sources/, as the drafter's tests give)."""
    path = root / CSV_SCHEMAS / f"{name}.json"
    return json.loads((path if path.is_file() else ROOT / CSV_SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def check_header(header: list[str], schema: dict, path: Path, name: str) -> None:
    """The header names exactly the schema's columns (in any order), each once."""
    wanted = [field["name"] for field in schema["fields"]]
    missing = [column for column in wanted if column not in header]
    extra = [column for column in header if column not in wanted]
    duplicated = sorted({column for column in header if header.count(column) > 1})
    if missing or extra or duplicated:
        found = ", ".join(short(column, 30, quote=False) for column in header[:20])
        problem = (
            f"the column {missing[0]!r} is missing"
            if missing
            else f"the column {short(extra[0], 30)} is not in the schema"
            if extra
            else f"the column {duplicated[0]!r} is given twice"
        )
        raise ReferenceFormatError(
            path,
            "header",
            missing[0] if missing else "-",
            f"{problem} (the header: {found}).",
            f"name the columns as schemas/input/csv/{name}.json does: {', '.join(wanted)}.",
        )


def check_row(row: dict[str, str], schema: dict, path: Path, item: str, name: str) -> None:
    """Every cell of one row: safe text, present where required, of its type and within its bounds."""
    for field in schema["fields"]:
        value, rules = row[field["name"]], field.get("constraints", {})
        problem = cell_problem(value, field["type"], rules)
        if problem:
            description = f" ({field['description']})" if field.get("description") else ""
            raise ReferenceFormatError(
                path,
                item,
                field["name"],
                problem,
                f"correct the cell{description}; the rules are in schemas/input/csv/{name}.json.",
            )


def cell_problem(value: str, kind: str, rules: dict) -> str | None:
    """What is wrong with one cell, or None."""
    unsafe = unsafe_character(value)
    if unsafe:
        return f"{unsafe[1]} at character {unsafe[0] + 1}."
    if len(value) > MAX_TEXT:
        return f"a text of {len(value):,} characters; a table cell holds at most {MAX_TEXT:,}."
    if value == "":
        return "the cell is empty; it is required." if rules.get("required") else None
    if "pattern" in rules and not anchored("^(?:" + rules["pattern"] + ")$").search(value):
        return f"{short(value, 40)} does not match the pattern {rules['pattern']!r}."
    if kind == "integer":
        if not re.fullmatch(r"-?[0-9]{1,15}", value):
            return f"{short(value, 40)} is not a whole number."
        number: float = int(value)
    elif kind == "number":
        if not NUMBER.fullmatch(value) or not math.isfinite(float(value)):
            return f"{short(value, 40)} is not a finite decimal number."
        number = float(value)
    elif kind == "date":
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) or not valid_date(value):
            return f"{short(value, 40)} is not a calendar date (YYYY-MM-DD)."
        return None
    else:
        return None
    if number < rules.get("minimum", -math.inf) or number > rules.get("maximum", math.inf):
        return f"{value} is outside {rules.get('minimum', '-∞')} to {rules.get('maximum', '∞')}."
    return None


NUMBER = re.compile(r"-?[0-9]{1,20}(?:\.[0-9]{1,20})?(?:[eE][-+]?[0-9]{1,3})?")


def valid_date(value: str) -> bool:
    """An existing calendar date written YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
