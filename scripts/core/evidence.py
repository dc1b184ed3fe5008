"""Locate cited text in an article: exact, unique (or disambiguated by `occurrence`), with offsets."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import EvidenceAmbiguous, EvidenceNotFound


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of needle in text, overlapping ones included."""
    starts, at = [], text.find(needle)
    while at != -1:
        starts.append(at)
        at = text.find(needle, at + 1)
    return starts


def locate(
    article_text: str,
    needle: str,
    occurrence: int | None,
    *,
    file: object,
    item: str,
    field: str,
    within: Span | None = None,
) -> Span:
    """The one place where `needle` stands in the article (or in the span `within`)."""
    base = within.start if within else 0
    haystack = within.text if within else article_text
    starts = [base + s for s in find_all(haystack, needle)]
    scope = f"the {within and 'cited passage' or 'article'}"
    if not starts:
        raise EvidenceNotFound(
            file,
            item,
            field,
            f"{needle!r} is not in {scope}.",
            "copy the words exactly as the article writes them (curly quotes, apostrophes, spelling).",
        )
    if occurrence is None:
        if len(starts) > 1:
            raise EvidenceAmbiguous(
                file,
                item,
                field,
                f"{needle!r} occurs {len(starts)} times in {scope} (at offsets {starts}).",
                f"cite longer text, or add `occurrence: N` (1 to {len(starts)}) to say which.",
            )
        occurrence = 1
    if occurrence > len(starts):
        raise EvidenceNotFound(
            file,
            item,
            field,
            f"occurrence {occurrence} of {needle!r} asked, {scope} has {len(starts)}.",
            f"use an occurrence from 1 to {len(starts)}.",
        )
    start = starts[occurrence - 1]
    end = start + len(needle)
    if unicodedata.combining(article_text[start]) or (
        end < len(article_text) and unicodedata.combining(article_text[end])
    ):
        raise EvidenceNotFound(
            file,
            item,
            field,
            f"{needle!r} splits a character: it {'starts' if unicodedata.combining(article_text[start]) else 'ends'} "
            "between a letter and its combining accent.",
            "include the whole character (letter and accent) in the cited text.",
        )
    return Span(needle, start, end)
