"""The README's generated parts: the data dictionary, rendered from schemas/, and the counts of the published tables
(never written by hand; tests/test_readme.py fails when they drift)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from ..core.registry import TABLES, VOTE_VALUES, enum_of, load_schema, package_meta
from ..core.repo import README

START = "<!-- data-dictionary:start (generated from schemas/ by scripts/publish/readme.py; do not edit) -->"
END = "<!-- data-dictionary:end -->"


def render_dictionary(root: Path) -> str:
    meta = package_meta(root)
    about = {r["name"]: r for r in meta["resources"]}
    out = []
    for name in TABLES:
        schema = load_schema(name, root)
        key = ", ".join(schema["primaryKey"])
        out.append(f"### `{name}` — {about[name]['title']}\n")
        out.append(
            f"{about[name]['description']} Files: `data/{name}.csv`, `data/{name}.parquet`. Primary key: `{key}`."
        )
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            out[-1] += f" `{', '.join(fk['fields'])}` → `{ref['resource']}.{', '.join(ref['fields'])}`."
        out.append("\n| field | type | required | description |\n|---|---|---|---|")
        for field in schema["fields"]:
            cons = field.get("constraints", {})
            desc = field["description"].replace("|", "\\|")
            if "enum" in cons:
                desc += " Values: " + ", ".join(f"`{v}`" for v in cons["enum"]) + "."
            required = "yes" if cons.get("required") else ""
            out.append(f"| `{field['name']}` | {field['type']} | {required} | {desc} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def update_readme(root: Path) -> bool:
    """Put the rendered dictionary between the README's markers; True when the README changed."""
    return replace_block(root / README, START, END, render_dictionary(root))


def replace_block(path: Path, start: str, end: str, body: str) -> bool:
    """Put body between the start and end markers of a file; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise ValueError(f"{path}: the markers are missing ({start!r} ... {end!r})")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    new = f"{head}{start}\n{body}{end}{tail}"
    if new != text:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(new, encoding="utf-8")
        os.replace(temporary, path)  # a killed build never leaves half a README
    return new != text


COUNTS_START = "<!-- counts:start (generated from the published tables by scripts/publish/readme.py; do not edit) -->"
COUNTS_END = "<!-- counts:end -->"


def render_counts(tables: dict[str, list[dict]], root: Path) -> str:
    """The table of tables: rows, what one row is, and the breakdown an analyst checks first."""
    about = {r["name"]: r for r in package_meta(root)["resources"]}
    out = ["| table | rows | one row is |", "|---|---:|---|"]
    for name in TABLES:
        detail = DETAILS[name](tables[name]) if name in DETAILS else ""
        out.append(f"| `{name}` | {len(tables[name]):,} | {about[name]['grain']}{f' ({detail})' if detail else ''} |")
    return "\n".join(out) + "\n"


def tally(rows: list[dict], field: str, order: tuple[str, ...] | None = None, words: dict | None = None) -> str:
    """ "4 direct, 1 scare quote": the count of each value, named by `words` (a word, or its singular and plural)."""
    counts = Counter(row[field] for row in rows)
    keys = order or sorted(counts, key=str)
    return ", ".join(f"{counts[key]} {word((words or {}).get(key, key), counts[key])}" for key in keys if counts[key])


def word(name: str | tuple[str, str], count: int) -> str:
    """The word for a count: itself, or the singular or plural of a (singular, plural) pair."""
    return name if isinstance(name, str) else name[count != 1]


DETAILS = {
    "sources": lambda rows: tally(rows, "outlet", words={None: "of unknown outlet"}) if rows else "",
    "quotes": lambda rows: tally(
        rows, "kind", ("direct", "scare"), {"direct": "direct", "scare": ("scare quote", "scare quotes")}
    ),
    "votes": lambda rows: "; ".join(
        f"{symbol}: "
        + tally(
            [r for r in rows if r["resolution_symbol"] == symbol], "vote", VOTE_VALUES, {"non_voting": "non-voting"}
        )
        for symbol in sorted({r["resolution_symbol"] for r in rows})
    ),
    "borders": lambda rows: tally(
        rows,
        "value_origin",
        ("article", "cia_world_factbook"),
        {"article": "as an article states it", "cia_world_factbook": "from the CIA World Factbook"},
    ),
    "claims": lambda rows: tally(rows, "verdict", enum_of("claims", "verdict")),
    "events": lambda rows: f"{sum(1 for r in rows if r['source_count'] > 1)} reported by more than one source",
}


def update_counts(root: Path, tables: dict[str, list[dict]]) -> bool:
    return replace_block(root / README, COUNTS_START, COUNTS_END, render_counts(tables, root))
