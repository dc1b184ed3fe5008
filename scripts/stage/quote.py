"""Quotations: every pair of quotation marks in an article, as a direct quote with its speaker or a scare quote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.dates import check_dated_item
from ..core.errors import AnnotationFormatError, EvidenceAmbiguous, EvidenceNotFound, IncompleteCoverage
from ..core.evidence import Span, locate
from ..core.quotation import find_quote_spans
from ..load.actors import require_actor
from ..load.article import Article
from ..load.review import status


def find_quotations(text: str) -> list[Span]:
    """The text inside every pair of quotation marks, with its offsets (marks excluded); the same pairing as the
    drafter's (curly, straight and single marks, guillemets, nested, a quotation continued in a new paragraph)."""
    return [
        Span(text[start + 1 : end], start + 1, end)
        for start, end, _ in find_quote_spans(text)
        if text[start + 1 : end].strip()
    ]


def stage_quotes(article: Article, annotations: dict, actors: dict, file: Path) -> list[dict]:
    """One row per annotated quotation; every pair of marks in the article must be annotated exactly once."""
    published = article.published
    pairs = find_quotations(article.text)
    rows = [stage_quote(item, article, pairs, actors, published, file) for item in annotations.get("quotes", [])]
    claimed = {}
    for row in rows:
        if row["text_start"] in claimed:
            raise AnnotationFormatError(
                file,
                f"quotes (id: {row['quote_id']})",
                "text",
                f"the same quotation is annotated as {claimed[row['text_start']]!r} too.",
                "annotate each pair of quotation marks once.",
            )
        claimed[row["text_start"]] = row["quote_id"]
    missing = [pair for pair in pairs if pair.start not in claimed]
    if missing:
        raise IncompleteCoverage(
            file,
            "quotes",
            "text",
            f"{len(missing)} pair(s) of quotation marks are not annotated, first {missing[0].text!r} "
            f"at offset {missing[0].start}.",
            "add a quotes item for it (kind: direct, or scare for marks that quote no one).",
        )
    return rows


def stage_quote(item: dict, article: Article, pairs: list[Span], actors: dict, published: dt.date, file: Path) -> dict:
    label = f"quotes (id: {item['id']})"
    span = pick_quotation(item, pairs, file, label)
    attribution = locate(
        article.text,
        item["attribution"],
        item.get("attribution_occurrence"),
        file=file,
        item=label,
        field="attribution",
    )
    direct = item["kind"] == "direct"
    # a drafted quotation may lack what the drafter could not find (an unknown speaker has no actor id yet)
    needed = (
        ("speaker", "completeness", "verb", "speaker_as_written") if status(item) == "reviewed" else ("completeness",)
    )
    for field in ("speaker", "completeness", "verb", "speaker_as_written"):
        if direct and field in needed and not item.get(field):
            raise AnnotationFormatError(
                file,
                label,
                field,
                "a direct quotation needs it.",
                f"add `{field}` (or set kind: scare when the marks quote no one).",
            )
        if not direct and field != "verb" and item.get(field):
            raise AnnotationFormatError(
                file, label, field, "a scare quote is attributed to no one.", f"remove `{field}`, or set kind: direct."
            )
    for field in ("speaker_as_written", "addressee_as_written", "verb"):
        if item.get(field) and item[field] not in attribution.text:
            raise EvidenceNotFound(
                file,
                label,
                field,
                f"{item[field]!r} is not in the attribution {attribution.text!r}.",
                "cite an attribution that contains it, in the article's words.",
            )
    for field in ("speaker", "addressee"):
        require_actor(actors, item.get(field), file=file, item=label, field=field)
    date = check_dated_item(item, published, file=file, label=label)
    return {
        "quote_id": item["id"],
        "source_id": article.source_id,
        "kind": item["kind"],
        "completeness": item.get("completeness"),
        "text": span.text,
        "text_start": span.start,
        "text_end": span.end,
        "speaker_actor_id": item.get("speaker"),
        "speaker_as_written": item.get("speaker_as_written"),
        "addressee_actor_id": item.get("addressee"),
        "addressee_as_written": item.get("addressee_as_written"),
        "reporting_verb": item.get("verb"),
        "date": date,
        "date_precision": item.get("date_precision"),
        "date_basis": item["date_basis"],
        "event_id": item.get("event"),
        "same_as_quote_id": item.get("same_as"),
        "attribution": attribution.text,
        "attribution_start": attribution.start,
        "attribution_end": attribution.end,
        "notes": item.get("notes"),
        "review_status": status(item),
    }


def pick_quotation(item: dict, pairs: list[Span], file: Path, label: str) -> Span:
    matches = [pair for pair in pairs if pair.text == item["text"]]
    if not matches:
        raise EvidenceNotFound(
            file,
            label,
            "text",
            f"no pair of quotation marks in the article encloses {item['text']!r}.",
            "copy the words inside the marks exactly, without the marks.",
        )
    occurrence = item.get("occurrence")
    if occurrence is None and len(matches) > 1:
        raise EvidenceAmbiguous(
            file,
            label,
            "text",
            f"{len(matches)} quotations read {item['text']!r}.",
            f"add `occurrence: N` (1 to {len(matches)}).",
        )
    if (occurrence or 1) > len(matches):
        raise EvidenceNotFound(
            file,
            label,
            "occurrence",
            f"occurrence {occurrence} asked, {len(matches)} found.",
            f"use 1 to {len(matches)}.",
        )
    return matches[(occurrence or 1) - 1]
