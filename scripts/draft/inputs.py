"""What the drafter accepts: article text. Bytes, the control characters of a binary file and more quotation marks
than the build's pairing (scripts/core/quotation.py) handles in bounded time are refused with a named error; an
empty or blank text gives an empty draft. Very long sentences are analysed in pieces, so that no step of the drafter
costs more than linear time on a text without full stops."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.sentences import Sentence

CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SINGLE_OPENING = re.compile(r"(?<![^\s(\[{—–\-/“‘:;,])['‘](?=\w)")
DOUBLE_MARKS = re.compile(r"[\"“”«»]")
MAX_SINGLE_OPENINGS = 20_000  # each is paired within a window of up to 1,500 characters
MAX_PAIRING_WORK = 50_000_000  # single openings × double marks: the pairing checks every double pair per single
MAX_UNCLOSED_PER_LINE = 20_000  # curly and angle marks left open in one line: the sentence splitter's cost is
# their square (sentencex, scripts/core/sentences.py)
CURLY_MARKS = re.compile(r"[“”‘’«»]")
MAX_PIECE = 2_000  # characters of a sentence analysed at once


class UnfitArticle(ValueError):
    """Input the drafter does not draft: not text, a binary file, or quotation marks beyond bounded pairing."""


def check_article(text: object) -> str:
    """The text itself, or UnfitArticle naming what is wrong and where."""
    if not isinstance(text, str):
        raise UnfitArticle(
            f"the article must be text (str), not {type(text).__name__}; decode the file as UTF-8 first."
        )
    control = CONTROL.search(text)
    if control:
        raise UnfitArticle(
            f"control character U+{ord(control.group()):04X} at offset {control.start()}: this looks "
            "like a binary file, not an article."
        )
    busiest = max((unclosed(line) for line in text.split("\n")), default=0)
    if busiest > MAX_UNCLOSED_PER_LINE:
        raise UnfitArticle(
            f"{busiest} quotation marks left open in one line: more than the sentence splitter handles "
            "in bounded time; split the file into articles and paragraphs."
        )
    singles = len(SINGLE_OPENING.findall(text))
    doubles = len(DOUBLE_MARKS.findall(text))
    if singles > MAX_SINGLE_OPENINGS or singles * doubles > MAX_PAIRING_WORK:
        raise UnfitArticle(
            f"{singles} opening single quotation marks and {doubles} double marks: more than the "
            "pairing of quotation marks handles in bounded time; split the file into articles."
        )
    return text


def unclosed(line: str) -> int:
    """The curly and angle quotation marks of a line that no later mark closes."""
    depth = 0
    for mark in CURLY_MARKS.findall(line):
        depth = depth + 1 if mark in "“‘«" else max(depth - 1, 0)
    return depth


def pieces(sentences: Sequence[Sentence], text: str) -> list[Sentence]:
    """The sentences, with any longer than MAX_PIECE characters cut at spaces into pieces of at most that length."""
    out: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        while sentence.end - start > MAX_PIECE:
            cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
            cut = cut if cut != -1 else start + MAX_PIECE
            out.append(Sentence(len(out), start, cut, text[start:cut]))
            start = cut + 1 if text[cut : cut + 1] == " " else cut
        if sentence.end > start:
            out.append(Sentence(len(out), start, sentence.end, text[start : sentence.end]))
    return out
