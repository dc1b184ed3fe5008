"""Votes: statements of how states voted (for, against, abstained, did not vote), with the states and the body or
resolution named nearby."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..core.sentences import Sentence
from .mentions import Mention
from .spans import Index, Sentences

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
            r"\b(?:did\s+not|didn['’]t|failed\s+to|chose\s+not\s+to|declined\s+to)\s+"
            r"(?:vote|participate|take\s+part|cast)\b|\b(?:was|were)\s+absent\b|\bnon-voting\b|"
            r"\bstayed\s+away\b|\bdid\s+not\s+take\s+part\b",
            re.I,
        ),
        "non_voting",
    ),
]
ANY_CUE = re.compile(
    r"\b(?:vot(?:ed|ing)|backed|supported|endorsed|opposed|rejected|abstain|abstention|did\s+not|"
    r"didn['’]t|failed\s+to|chose\s+not|declined\s+to|was\s+absent|were\s+absent|non-voting|"
    r"stayed\s+away)",
    re.I,
)
BOUNDARY = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|, and\b")
FOLLOWERS = re.compile(
    r"\b(?:among them|including|such as|joined by|along with|together with|as did|were|"
    r"included)\b|:"
)
BODY = re.compile(
    r"\b(?:UN\s+|U\.N\.\s+|United Nations\s+)?(?:General Assembly|Security Council|"
    r"Human Rights Council)\b|"
    r"\bresolution\s+[A-Z]+/[\w./-]+",
    re.I,
)


PREPOSITION_BEFORE = re.compile(r"\b(?:to|with|of|from|on|against|by|in|for|over|about)\s+(?:the\s+)?$")
NOUN_AFTER = re.compile(
    r"\s+(?!voted|abstained|did|were|was|and|or|also|had|has|have|joined|backed|supported|opposed|"
    r"rejected|chose|declined|failed|stayed)[a-z]"
)
LOWER_WORD = re.compile(r"\s+[a-z]")
RELATIVE_REACH = 400  # characters from ", which" or ", who" to a state inside that clause


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


@dataclass
class Voters:
    """The states of one sentence that may vote, sorted by position, filtered once (not once per cue: a sentence
    without an end can hold thousands of cues and states)."""

    countries: list[Mention]
    starts: list[int]  # offsets in the sentence of `countries`
    subjects: list[Mention]  # neither possessive, nor object or modifier, nor inside a relative clause
    subject_starts: list[int]

    @classmethod
    def of(cls, text: str, sentence: Sentence, countries: list[Mention]) -> Voters:
        subjects = [
            m
            for m in countries
            if text[m.end : m.end + 2] not in ("’s", "'s")
            and not object_or_modifier(text, m)
            and not in_relative_clause(sentence, m)
        ]
        return cls(
            countries,
            [m.start - sentence.start for m in countries],
            subjects,
            [m.start - sentence.start for m in subjects],
        )

    def between(self, start: int, stop: int, subjects: bool = False) -> list[Mention]:
        """The states (or the subject states) that begin at or after `start` and before `stop` in the sentence."""
        items, starts = (self.subjects, self.subject_starts) if subjects else (self.countries, self.starts)
        return items[bisect_left(starts, start) : bisect_left(starts, stop)]


def find_votes(text: str, sentences: Sentences, mentions: Index[Mention]) -> list[Vote]:
    """Every state named as voting one way, per sentence that states votes, with the body voting."""
    votes: list[Vote] = []
    seen: set[tuple[str, int]] = set()
    cued = {sentences.of(m.start()).index for m in ANY_CUE.finditer(text)}
    for index, sentence in enumerate(sentences):
        if index not in cued:
            continue
        cues = sorted(
            ((m.start(), m.end(), value) for pattern, value in VOTE_CUES for m in pattern.finditer(sentence.text)),
            key=lambda c: c[0],
        )
        if not cues:
            continue
        body_match = BODY.search(sentence.text) or (BODY.search(sentences[index - 1].text) if index else None)
        body = body_match.group() if body_match else None
        pool = Voters.of(
            text,
            sentence,
            [m for m in mentions.within(sentence.start, sentence.end) if m.kind == "country" and m.iso3 != "SUN"],
        )
        previous_end = 0
        for position, (start, end, value) in enumerate(cues):
            stop = cues[position + 1][0] if position + 1 < len(cues) else len(sentence.text)
            for mention in voters(text, sentence, pool, previous_end, (start, end), stop):
                if (mention.iso3, sentence.start) in seen:
                    continue
                seen.add((mention.iso3, sentence.start))
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


def voters(text: str, sentence, pool: Voters, previous_end: int, cue: tuple[int, int], stop: int) -> list:
    """The states a vote cue speaks of: the subject of its clause, the states after "among them" or "joined by", or
    a possessive ("Kazakhstan's ambassador said his country had abstained")."""
    start, end = cue
    boundaries = [b.end() for b in BOUNDARY.finditer(sentence.text, previous_end, start)]
    segment_start = boundaries[-1] if boundaries else previous_end
    subject = pool.between(segment_start, start, subjects=True)
    boundary = BOUNDARY.search(sentence.text, end, stop)
    stop = boundary.start() if boundary else stop
    follower = FOLLOWERS.search(sentence.text, end, stop)
    if follower:  # "..., among them China and India" / "Russia voted against, joined by Belarus"
        subject += [
            m
            for m in pool.between(follower.end(), stop)
            if text[m.end : m.end + 2] not in ("’s", "'s")
            and not in_relative_clause(sentence, m)
            and not LOWER_WORD.match(text, m.end, m.end + 3)
        ]
    if not subject:
        subject = [m for m in pool.between(segment_start, start) if text[m.end : m.end + 2] in ("’s", "'s")][:1]
    return subject


def object_or_modifier(text: str, mention: Mention) -> bool:
    """A country after a preposition ("ties to Moscow") or before a noun ("Russian troops") is not a voter."""
    before = text[max(0, mention.start - 12) : mention.start]
    return bool(PREPOSITION_BEFORE.search(before)) or bool(NOUN_AFTER.match(text, mention.end, mention.end + 20))


def in_relative_clause(sentence: Sentence, mention: Mention) -> bool:
    """Inside ", which ... ," or ", who ... ," (a clause about the voters, not a list of them)."""
    at = mention.start - sentence.start
    comma = sentence.text.rfind(",", max(0, at - RELATIVE_REACH), at)  # the clause opens at the last comma
    return comma != -1 and sentence.text.startswith((", which", ", who"), comma)
