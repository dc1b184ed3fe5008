"""The README's generated parts: the data dictionary, rendered from schemas/, and the counts of the published tables
(never written by hand; tests/test_readme.py fails when they drift)."""

from __future__ import annotations

import os
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

from ..core.errors import MissingMarker
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


def stage_readme(root: Path, staging: Path, tables: dict[str, list[dict]]) -> bool:
    """Write README.md with its generated blocks (the data dictionary, the table of tables) into the staging folder
    when it differs from the published one: the journal then swaps it in with the package. MissingMarker, before
    anything is published, when README.md or a marker is missing. True when a new README is staged."""
    path = root / README
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MissingMarker(
            path,
            "data dictionary",
            "-",
            f"README.md cannot be read ({exc}), so neither can the markers of its generated blocks.",
            "restore README.md (git checkout README.md) and build again.",
        ) from None
    new = fill_block(path, text, START, END, render_dictionary(root))
    new = fill_block(path, new, COUNTS_START, COUNTS_END, render_counts(tables, root))
    new = fill_block(path, new, SUMMARY_START, SUMMARY_END, render_claims_summary(tables))
    if new == text:
        return False
    staging.mkdir(parents=True, exist_ok=True)
    (staging / README).write_text(new, encoding="utf-8")
    return True


def fill_block(path: Path, text: str, start: str, end: str, body: str) -> str:
    """text with body between the start and end markers; MissingMarker naming the file and the marker if one is
    missing (or the end marker comes first)."""
    for marker in (start, end):
        if marker not in text:
            raise MissingMarker(
                path,
                "generated block",
                "marker",
                f"the marker line {marker} is missing, so the generated section cannot be regenerated.",
                "put the line back where the section starts or ends (as in git show HEAD:README.md) and build again.",
            )
    head, rest = text.split(start, 1)
    if end not in rest:
        raise MissingMarker(
            path,
            "generated block",
            "marker",
            f"the marker line {end} comes before {start}.",
            "put the end marker after the start marker and build again.",
        )
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}{end}{tail}"


def replace_block(path: Path, start: str, end: str, body: str) -> bool:
    """Put body between the start and end markers of a file (written atomically); True when the file changed."""
    text = path.read_text(encoding="utf-8")
    new = fill_block(path, text, start, end, body)
    if new != text:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(new, encoding="utf-8")
        os.replace(temporary, path)  # a killed command never leaves half a file
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


SUMMARY_START = (
    "<!-- claims-summary:start (generated from the published claims by scripts/publish/readme.py; do not edit) -->"
)
SUMMARY_END = "<!-- claims-summary:end -->"


def render_claims_summary(tables: dict[str, list[dict]]) -> str:
    """Per source, the claims per verdict, the article's words of every claim that is not consistent, and how many
    verdicts rest on a single source: the README's prose figures, never typed by hand."""
    out, by_source = [], defaultdict(list)
    for claim in tables["claims"]:
        by_source[claim["source_id"]].append(claim)
    for source_id in sorted({row["source_id"] for row in tables["sources"]}):
        claims = by_source[source_id]
        parts = []
        for verdict in enum_of("claims", "verdict"):
            rows = [c for c in claims if c["verdict"] == verdict]
            if not rows:
                continue
            said = "; ".join(
                f"“{c['article_value']}”"
                + (f" against {c['record_value']} on record" if verdict == "approximately_consistent" else "")
                for c in rows
            )
            parts.append(f"{len(rows)} {verdict.replace('_', ' ')}" + (f" ({said})" if verdict != "consistent" else ""))
        single = sum(c["record_certainty"] == "single_source" for c in claims)
        out.append(
            textwrap.fill(
                f"For `{source_id}`: {', '.join(parts) or 'no claims'}. {single} of its {len(claims)} "
                "verdicts rest on a single independent source (`record_certainty` single_source).",
                width=116,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n\n".join(out) + "\n"
