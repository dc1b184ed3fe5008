"""Votes: statements of how states voted (for, against, abstained, did not vote), with the states and the body or
resolution named nearby."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import Mention
from .text import Sentence

VOTE_CUES = [
    (
        re.compile(
            r"\bvot(?:ed|ing)\s+(?:in\s+favou?r(?:\s+of)?|for|yes)\b|\b(?:backed|supported|endorsed)\s+the\s+"
            r"(?:resolution|text|motion|draft)\b",
            re.I,
        ),
        "yes",
    ),
    (
        re.compile(
            r"\bvot(?:ed|ing)\s+(?:against|no)\b|\b(?:opposed|rejected)\s+the\s+(?:resolution|text|motion|draft)\b",
            re.I,
        ),
        "no",
    ),
    (re.compile(r"\babstain(?:ed|ing|s)?\b|\babstentions?\b", re.I), "abstain"),
    (
        re.compile(
            r"\b(?:did\s+not|didn['’]t|failed\s+to|chose\s+not\s+to|declined\s+to)\s+(?:vote|participate|take\s+part|"
            r"cast)\b|\b(?:was|were)\s+absent\b|\bnon-voting\b|\bstayed\s+away\b|\bdid\s+not\s+take\s+part\b",
            re.I,
        ),
        "non_voting",
    ),
]
BOUNDARY = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|, and\b")
FOLLOWERS = re.compile(
    r"\b(?:among them|including|such as|joined by|along with|together with|as did|were|included)\b|:"
)
BODY = re.compile(
    r"\b(?:UN\s+|U\.N\.\s+|United Nations\s+)?(?:General Assembly|Security Council|Human Rights Council)\b|"
    r"\bresolution\s+[A-Z]+/[\w./-]+",
    re.I,
)


@dataclass
class Vote:
    iso3: str
    vote: str
    text: str
    start: int
    end: int
    evidence: str
    evidence_start: int
    body: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def find_votes(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Vote]:
    votes: list[Vote] = []
    for index, sentence in enumerate(sentences):
        cues = sorted(
            ((m.start(), m.end(), value) for pattern, value in VOTE_CUES for m in pattern.finditer(sentence.text)),
            key=lambda c: c[0],
        )
        if not cues:
            continue
        body_match = BODY.search(sentence.text) or (BODY.search(sentences[index - 1].text) if index else None)
        body = body_match.group() if body_match else None
        countries = [
            m for m in mentions if sentence.start <= m.start < sentence.end and m.kind == "country" and m.iso3 != "SUN"
        ]
        states = [
            m
            for m in countries
            if text[m.end : m.end + 2] not in ("’s", "'s")
            and not object_or_modifier(text, m)
            and not in_relative_clause(sentence, m)
        ]
        previous_end = 0
        for position, (start, end, value) in enumerate(cues):
            segment_start = previous_end
            boundaries = [b.end() for b in BOUNDARY.finditer(sentence.text, segment_start, start)]
            if boundaries:
                segment_start = boundaries[-1]
            subject = [m for m in states if segment_start <= m.start - sentence.start < start]
            stop = cues[position + 1][0] if position + 1 < len(cues) else len(sentence.text)
            boundary = BOUNDARY.search(sentence.text, end, stop)
            stop = boundary.start() if boundary else stop
            follower = FOLLOWERS.search(sentence.text, end, stop)
            if follower:  # "..., among them China and India" / "Russia voted against, joined by Belarus"
                subject += [
                    m
                    for m in countries
                    if follower.end() <= m.start - sentence.start < stop
                    and text[m.end : m.end + 2] not in ("’s", "'s")
                    and not in_relative_clause(sentence, m)
                    and not re.match(r"\s+[a-z]", text[m.end : m.end + 3])
                ]
            if not subject:  # "Kazakhstan's ambassador said his country had abstained"
                subject = [
                    m
                    for m in countries
                    if text[m.end : m.end + 2] in ("’s", "'s") and segment_start <= m.start - sentence.start < start
                ][:1]
            for mention in subject:
                if any(v.iso3 == mention.iso3 and v.evidence_start == sentence.start for v in votes):
                    continue
                votes.append(
                    Vote(
                        mention.iso3,
                        value,
                        mention.text,
                        mention.start,
                        mention.end,
                        sentence.text,
                        sentence.start,
                        body,
                    )
                )
            previous_end = end
    return votes


def object_or_modifier(text: str, mention: Mention) -> bool:
    """A country after a preposition ("ties to Moscow") or before a noun ("Russian troops") is not a voter."""
    before = text[max(0, mention.start - 12) : mention.start]
    after = text[mention.end : mention.end + 20]
    return bool(re.search(r"\b(?:to|with|of|from|on|against|by|in|for|over|about)\s+(?:the\s+)?$", before)) or bool(
        re.match(
            r"\s+(?!voted|abstained|did|were|was|and|or|also|had|has|have|joined|backed|supported|opposed|rejected|chose|declined|failed|stayed)[a-z]",
            after,
        )
    )


def in_relative_clause(sentence: Sentence, mention: Mention) -> bool:
    """Inside ", which ... ," or ", who ... ," (a clause about the voters, not a list of them)."""
    at = mention.start - sentence.start
    opening = max(sentence.text.rfind(", which", 0, at), sentence.text.rfind(", who", 0, at))
    return opening != -1 and "," not in sentence.text[opening + 2 : at]
