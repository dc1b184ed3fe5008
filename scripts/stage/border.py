"""Borders: the CIA World Factbook's land borders, and the lengths an article states, each compared with the record."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import AnnotationFormatError, DuplicateId, EvidenceNotFound
from ..core.evidence import locate
from ..load.article import Article
from ..load.review import status
from ..load.vocabulary import check_iso3

FACTBOOK = "cia_world_factbook"


def factbook_pairs(factbook: list[dict]) -> dict[tuple[str, str], dict]:
    """The Factbook rows by their (sorted) pair of countries."""
    return {tuple(sorted((r["iso3_a"], r["iso3_b"]))): r for r in factbook}


def factbook_rows(factbook: list[dict]) -> list[dict]:
    """One borders row per Factbook border, as the record has it (no article statement noted yet)."""
    return [
        {
            "border_id": f"{pair[0]}-{pair[1]}-{FACTBOOK.replace('_', '-')}",
            "iso3_a": pair[0],
            "iso3_b": pair[1],
            "length_km": int(row["length_km"]),
            "value_origin": FACTBOOK,
            "as_written": None,
            "source_id": None,
            "reference_path": f"sources/reference/borders_factbook.csv; {row['source_path']}",
            "evidence": None,
            "evidence_start": None,
            "evidence_end": None,
            "notes": None,
            "review_status": "reference",
        }
        for pair, row in sorted(factbook_pairs(factbook).items())
    ]


def parse_km(as_written: str) -> int | None:
    """The number of kilometres in an expression like '7,500 km' or '7,600-kilometer' (None when there is none)."""
    match = re.search(r"(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)[\s-]*(?:km|kilomet(?:er|re)s?)\b", as_written)
    return int(re.sub(r"\D", "", match.group(1))) if match else None


def stage_border_statements(
    article: Article, annotations: dict, factbook: dict[tuple[str, str], dict], file: Path
) -> list[dict]:
    """One borders row per border the article states, noting how it compares with the Factbook's length."""
    rows = []
    stated: dict[tuple[str, ...], str] = {}
    for index, item in enumerate(annotations.get("borders", [])):
        label = f"borders[{index}] ({'-'.join(item['countries'])})"
        pair = tuple(sorted(item["countries"]))
        for code in pair:
            check_iso3(code, file=file, item=label, field="countries")
        if pair in stated:
            raise DuplicateId(
                file,
                label,
                "countries",
                f"the border {'-'.join(pair)} is stated twice in this article "
                f"({stated[pair]} and borders[{index}]): its row id would repeat.",
                "keep one item per border and article (cite the passage that states the length).",
            )
        stated[pair] = f"borders[{index}]"
        span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
        if item["as_written"] not in span.text:
            raise EvidenceNotFound(
                file,
                label,
                "as_written",
                f"{item['as_written']!r} is not in the evidence.",
                "cite evidence that contains the length as written.",
            )
        if parse_km(item["as_written"]) != item["length_km"]:
            raise AnnotationFormatError(
                file,
                label,
                "length_km",
                f"{item['length_km']} does not match {item['as_written']!r}.",
                "give length_km as the number the article writes.",
            )
        reference = factbook.get(pair)
        rows.append(
            {
                "border_id": f"{pair[0]}-{pair[1]}-{article.source_id}",
                "iso3_a": pair[0],
                "iso3_b": pair[1],
                "length_km": item["length_km"],
                "value_origin": "article",
                "as_written": item["as_written"],
                "source_id": article.source_id,
                "reference_path": None,
                "evidence": span.text,
                "evidence_start": span.start,
                "evidence_end": span.end,
                "notes": compare(item["length_km"], int(reference["length_km"]), "The CIA World Factbook records")
                if reference
                else "The Factbook rows of this package do not cover this border.",
                "review_status": status(item),
            }
        )
    return rows


def compare(stated: int, recorded: int, lead: str, reverse: bool = False) -> str:
    """A sentence giving the other value and the difference, computed from the data."""
    diff = stated - recorded
    pct = 100 * diff / recorded
    other = stated if reverse else recorded
    return f"{lead} {other:,} km; article minus record: {diff:+,} km ({pct:+.1f}%)."
