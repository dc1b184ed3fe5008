"""Sentences with character offsets, one splitter for the build and the drafter: sentencex (Wikimedia's rule-based
segmenter, linear time) inside each line, so that a headline, a byline or a dateline on its own line is a sentence
of its own. White space is trimmed from both ends; a segment without a letter is not a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sentencex

LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for line in LINE.finditer(text):
        for boundary in sentencex.get_sentence_boundaries(language, line.group()):
            start, end = line.start() + boundary["start_index"], line.start() + boundary["end_index"]
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if any(char.isalpha() for char in text[start:end]):
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)
