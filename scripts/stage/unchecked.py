"""Statements not checked: the article's checkable statements that no claim checks, each with the reason (the
annotations' `unchecked:` section), and the cues that make a statement checkable.

A cue is a word that states something the record could hold: a number, an ordinal or superlative, a weekday or month,
a title, a relation between states (ally, neighbour, border, member, former), a vote, an anniversary, a share of a
population. Every cue of an article must lie inside a claim's evidence or an `unchecked` item's evidence; so must one
name of every person the article names, for the spelling of the name (scripts/link/checkable.py checks it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.evidence import locate
from ..load.article import Article
from ..load.review import status


def words(*alternatives: str) -> str:
    """A case-insensitive pattern of whole words."""
    return r"(?i:(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w))"


# The kind of statement each cue makes (the claims' kinds), and its pattern.
CUES = (
    ("number", r"(?<![\w.,])\d+(?:[,.]\d+)*(?!\w)"),
    (
        "number",
        words(
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "hundreds?",
            "thousands?",
            "millions?",
            "billions?",
            "dozens?",
            "half",
        ),
    ),
    ("number", words("minority", "minorities", "majority", "percent", "per cent")),
    (
        "characterisation",
        words("first", "second", "third", "fourth", "fifth", "last", "largest", "biggest", "longest", "oldest"),
    ),
    (
        "date",
        words(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "yesterday",
            "tomorrow",
            "anniversary",
        ),
    ),
    ("date", r"(?<!\w)(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?= \d)"),
    (
        "role",
        words(
            "president",
            "vice-president",
            "prime minister",
            "minister",
            "secretary",
            "counterpart",
            "ambassador",
            "diplomat",
            "chancellor",
            "envoy",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "chairman",
            "king",
            "queen",
        ),
    ),
    (
        "characterisation",
        words(
            "ally",
            "allies",
            "alliance",
            "alliances",
            "neighbou?rs?",
            "borders?",
            "bordering",
            "members?",
            "membership",
            "former",
        ),
    ),
    ("vote", words("votes?", "voted", "voting", "abstained", "abstain", "abstention", "resolution", "veto", "vetoed")),
)


@dataclass(frozen=True)
class Cue:
    """A word that makes a statement checkable, where it stands in the article."""

    kind: str
    start: int
    end: int
    text: str


def checkable_cues(text: str) -> list[Cue]:
    """Every cue of an article, in order of its offsets."""
    found = {
        (m.start(), m.end()): Cue(kind, m.start(), m.end(), m.group())
        for kind, pattern in CUES
        for m in re.finditer(pattern, text)
    }
    return [found[span] for span in sorted(found)]


def stage_unchecked(article: Article, annotations: dict, file: Path) -> list[dict]:
    """One row per `unchecked` item: the statement's evidence located in the article, its kind and the reason."""
    rows = []
    for index, item in enumerate(annotations.get("unchecked", [])):
        span = locate(
            article.text,
            item["evidence"],
            item.get("occurrence"),
            file=file,
            item=f"unchecked[{index}]",
            field="evidence",
        )
        rows.append(
            {
                "source_id": article.source_id,
                "kind": item["kind"],
                "evidence": span.text,
                "evidence_start": span.start,
                "evidence_end": span.end,
                "reason": item["reason"],
                "review_status": status(item),
            }
        )
    return rows
