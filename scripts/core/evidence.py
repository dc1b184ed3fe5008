"""Locate cited text in an article: exact, unique (or disambiguated by `occurrence`), with offsets."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

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
            f"{short(needle)} is not in {scope}.",
            "copy the words exactly as the article writes them (curly quotes, apostrophes, spelling).",
        )
    if occurrence is None:
        if len(starts) > 1:
            raise EvidenceAmbiguous(
                file,
                item,
                field,
                f"{short(needle)} occurs {len(starts)} times in {scope} (at offsets "
                f"{', '.join(map(str, starts[:10]))}{', …' if len(starts) > 10 else ''}).",
                f"cite longer text, or add `occurrence: N` (1 to {len(starts)}) to say which.",
            )
        occurrence = 1
    if occurrence > len(starts):
        raise EvidenceNotFound(
            file,
            item,
            field,
            f"occurrence {occurrence} of {short(needle)} asked, {scope} has {len(starts)}.",
            f"use an occurrence from 1 to {len(starts)}.",
        )
    start = starts[occurrence - 1]
    end = start + len(needle)
    for edge, at in (("starts", start), ("ends", end)):
        if not is_grapheme_boundary(article_text, at):
            raise EvidenceNotFound(
                file,
                item,
                field,
                f"{short(needle)} splits a character: it {edge} inside a grapheme cluster (a letter "
                f"and its accent or vowel sign, a flag, an emoji sequence) at offset {at}.",
                "include the whole character (every code point of it) in the cited text.",
            )
    return Span(needle, start, end)


def short(text: str, limit: int = 80) -> str:
    """A cited text for a message, cut to `limit` characters."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


GRAPHEME = regex.compile(r"\X")
WINDOW = 256  # characters: beyond this around an offset, the boundaries of the whole text are computed once


def simple(char: str) -> bool:
    """Below U+0300 every character is a grapheme of its own (no combining marks, joiners, regional indicators or
    Hangul jamo), carriage return before line feed aside."""
    return char < "\u0300" and char != "\r"


def is_grapheme_boundary(text: str, offset: int) -> bool:
    """Whether offset falls between two extended grapheme clusters (Unicode UAX #29, the regex module's \\X)."""
    if offset <= 0 or offset >= len(text):
        return True
    if simple(text[offset - 1]) and simple(text[offset]):
        return True
    start = offset - 1
    while start > 0 and not (simple(text[start - 1]) and simple(text[start])) and offset - start < WINDOW:
        start -= 1
    end = offset + 1
    while end < len(text) and not (simple(text[end - 1]) and simple(text[end])) and end - offset < WINDOW:
        end += 1
    if offset - start >= WINDOW or end - offset >= WINDOW:
        return offset in grapheme_boundaries(text)
    return any(found.end() == offset for found in GRAPHEME.finditer(text, start, end))


@functools.lru_cache(maxsize=4)
def grapheme_boundaries(text: str) -> frozenset[int]:
    """Every grapheme boundary of a text (for offsets inside long runs of complex characters)."""
    return frozenset(found.end() for found in GRAPHEME.finditer(text))
