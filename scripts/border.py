"""Borders: land border lengths as articles state them and as the CIA World Factbook records them."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .article import Article
from .errors import AnnotationFormatError, EvidenceNotFound, ReferenceMismatch
from .evidence import locate
from .inputs import read_csv
from .vocabulary import check_iso3
from .review import status

FACTBOOK = "cia_world_factbook"


def load_factbook_borders(root: Path) -> list[dict]:
    """Factbook border rows, checked: each pair once, and each country's listed borders summing to its total."""
    folder = root / "sources" / "reference"
    path = folder / "borders_factbook.csv"
    rows = read_csv(path)
    sums: dict[str, int] = defaultdict(int)
    for row in rows:
        for side in ("iso3_a", "iso3_b"):
            check_iso3(row[side], file=path, item=f"{row['iso3_a']}-{row['iso3_b']}", field=side)
            sums[row[side]] += int(row["length_km"])
    for total in read_csv(folder / "land_boundary_totals.csv"):
        if total["iso3"] in sums and total["iso3"] not in ("RUS", "CHN"):  # only their Central Asian borders are listed
            if sums[total["iso3"]] != int(total["total_land_boundary_km"]):
                raise ReferenceMismatch(path, total["iso3"], "length_km",
                                        f"expected the borders of {total['iso3']} to sum to {total['total_land_boundary_km']} km "
                                        f"(land_boundary_totals.csv), found {sums[total['iso3']]} km.",
                                        "correct the border rows from the Factbook, citing the snapshot.")
    return rows


def parse_km(as_written: str) -> int | None:
    """The number of kilometres in an expression like '7,500 km' (None when there is none)."""
    match = re.search(r"(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)\s*(?:km|kilomet(?:er|re)s?)\b", as_written)
    return int(re.sub(r"\D", "", match.group(1))) if match else None


def stage_borders(factbook: list[dict], sources: list[tuple[Article, dict, Path]]) -> list[dict]:
    """Factbook rows plus one row per border an article states, each noting how it compares with the other."""
    record = {tuple(sorted((r["iso3_a"], r["iso3_b"]))): r for r in factbook}
    claimed: dict[tuple[str, str], list[int]] = defaultdict(list)
    rows = []
    for article, annotations, file in sources:
        for index, item in enumerate(annotations.get("borders", [])):
            label = f"borders[{index}] ({'-'.join(item['countries'])})"
            pair = tuple(sorted(item["countries"]))
            for code in pair:
                check_iso3(code, file=file, item=label, field="countries")
            span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
            if item["as_written"] not in span.text:
                raise EvidenceNotFound(file, label, "as_written", f"{item['as_written']!r} is not in the evidence.",
                                       "cite evidence that contains the length as written.")
            if parse_km(item["as_written"]) != item["length_km"]:
                raise AnnotationFormatError(file, label, "length_km",
                                            f"{item['length_km']} does not match {item['as_written']!r}.",
                                            "give length_km as the number the article writes.")
            claimed[pair].append(item["length_km"])
            reference = record.get(pair)
            rows.append({
                "border_id": f"{pair[0]}-{pair[1]}-{article.source_id}",
                "iso3_a": pair[0], "iso3_b": pair[1], "length_km": item["length_km"], "value_origin": "article",
                "as_written": item["as_written"], "source_id": article.source_id, "reference_path": None,
                "evidence": span.text, "evidence_start": span.start, "evidence_end": span.end,
                "notes": compare(item["length_km"], int(reference["length_km"]), "The CIA World Factbook records")
                         if reference else "The Factbook rows of this package do not cover this border.",
                "review_status": status(item),
            })
    for pair, row in sorted(record.items()):
        stated = claimed.get(pair, [])
        rows.append({
            "border_id": f"{pair[0]}-{pair[1]}-{FACTBOOK.replace('_', '-')}",
            "iso3_a": pair[0], "iso3_b": pair[1], "length_km": int(row["length_km"]), "value_origin": FACTBOOK,
            "as_written": None, "source_id": None,
            "reference_path": f"sources/reference/borders_factbook.csv; {row['source_path']}",
            "evidence": None, "evidence_start": None, "evidence_end": None,
            "notes": "; ".join(compare(km, int(row["length_km"]), "Recorded value; an article states", reverse=True)
                               for km in stated) or None,
            "review_status": "reference",
        })
    return sorted(rows, key=lambda row: row["border_id"])


def compare(stated: int, recorded: int, lead: str, reverse: bool = False) -> str:
    """A sentence giving the other value and the difference, computed from the data."""
    diff = stated - recorded
    pct = 100 * diff / recorded
    other = stated if reverse else recorded
    return f"{lead} {other:,} km; article minus record: {diff:+,} km ({pct:+.1f}%)."
