"""The README's data dictionary, rendered from schemas/ (never written by hand)."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.registry import TABLES, load_schema, package_meta
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
            out[-1] += f" `{fk['fields'][0]}` → `{ref['resource']}.{ref['fields'][0]}`."
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
