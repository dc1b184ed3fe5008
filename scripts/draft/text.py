"""Sentences and tense for drafting: a fast splitter (the build's pysbd segmentation is exact but ~2 ms per KB)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "maj",
    "adm",
    "capt",
    "sgt",
    "st",
    "jr",
    "sr",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "vs",
    "etc",
    "approx",
    "est",
    "dept",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "inc",
    "co",
    "corp",
    "ltd",
}
BOUNDARY = re.compile(r"""[.!?…]+["”’')\]]*(?=\s+["“‘'(\[]?[A-Z0-9])|\n+""")
FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|is to|are to|was to|were to|is due to|are due to|is set to|are set to|"
    r"is scheduled to|are scheduled to|plans? to|planned to|is expected to|are expected to|"
    r"is going to|are going to|next|upcoming|coming|scheduled for|intends? to|ahead of)\b|['’]ll\b",
    re.I,
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets: a break after . ! ? (and closing marks) before a capital, and at every line break."""
    sentences, start = [], 0
    for match in BOUNDARY.finditer(text):
        if match.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[start : match.start()])
            if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        end = match.end() if not match.group().startswith("\n") else match.start()
        add_sentence(sentences, text, start, end)
        start = match.end()
    add_sentence(sentences, text, start, len(text))
    return sentences


def add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def sentence_of(sentences: list[Sentence], offset: int) -> Sentence:
    """The sentence that holds offset (the nearest one before it when it falls between sentences)."""
    best = sentences[0]
    for sentence in sentences:
        if sentence.start <= offset:
            best = sentence
        else:
            break
    return best


def is_future(clause: str) -> bool:
    return bool(FUTURE.search(clause))


class Taken:
    """Spans of the text already claimed by a finding; a later, overlapping candidate is not a finding."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def remove(self, start: int, end: int) -> None:
        self.spans.remove((start, end))
