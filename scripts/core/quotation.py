"""Quotation marks: every pair in a text (curly, straight, single marks, guillemets; nested; a quotation continued
in a new paragraph), with offsets. The build checks that every pair is annotated; the drafter classifies them.

Linear in the text (after sorting): whether a new line lies between two marks is one binary search over the line
ends, and single marks look up their closing mark among precomputed candidates instead of scanning for it."""

from __future__ import annotations

import bisect
import heapq

MAX_QUOTE = 1500  # characters: a mark with no partner within this is not an opening mark


def find_quote_spans(text: str) -> list[tuple[int, int, str]]:
    """(opening mark offset, closing mark offset, marks) for every pair of quotation marks."""
    lines = Lines(text)
    spans = []
    spans += pair_marks(text, "“", "”", lines)
    spans += pair_marks(text, "«", "»", lines)
    spans += pair_straight(text, '"', lines)
    inside = [(a, b) for a, b, _ in spans]
    spans += pair_single(text, "‘", "’", inside)
    spans += pair_single(text, "'", "'", inside)
    return sorted(set(spans))


class Lines:
    """The offsets of a text's new lines, to tell in O(log n) whether one lies between two offsets."""

    def __init__(self, text: str):
        self.breaks = all_offsets(text, "\n")

    def between(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a new line."""
        at = bisect.bisect_left(self.breaks, start)
        return at < len(self.breaks) and self.breaks[at] < end


def pair_marks(text: str, opening: str, closing: str, lines: Lines | None = None) -> list[tuple[int, int, str]]:
    """Pairs of distinct opening and closing marks, nested; an opening mark in a new paragraph while one is open
    continues the quotation (the first part ends with its paragraph)."""
    lines = lines or Lines(text)
    pairs, stack = [], []
    for index in sorted(all_offsets(text, opening) + all_offsets(text, closing)):
        char = text[index]
        if char == opening:
            if stack and lines.between(stack[-1], index):
                # a quotation continued in a new paragraph re-opens without closing: the first part ends with its paragraph
                begin = stack.pop()
                pairs.append((begin, paragraph_end(text, begin), opening + "¶"))
            stack.append(index)
        elif char == closing and stack:
            begin = stack.pop()
            pairs.append((begin, index, opening + closing))
    return pairs


def paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def is_opening(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/“‘:;,") and not after.isspace()


def is_closing(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-”’\"'…")


def pair_straight(text: str, mark: str, lines: Lines | None = None) -> list[tuple[int, int, str]]:
    """Pairs of one straight mark: an opening mark opens, the next closing (or non-opening) mark closes."""
    lines = lines or Lines(text)
    pairs, begin = [], None
    for index in all_offsets(text, mark):
        if begin is None:
            if is_opening(text, index):
                begin = index
        elif is_closing(text, index) or not is_opening(text, index):
            pairs.append((begin, index, mark * 2))
            begin = None
        elif lines.between(begin, index):
            pairs.append((begin, paragraph_end(text, begin), mark + "¶"))
            begin = index
    return pairs


def pair_single(text: str, opening: str, closing: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Single marks double as apostrophes: an opening mark follows a space and precedes a letter; a closing mark is not
    between two letters; a plural possessive (leaders’ table) is skipped when a later closing mark fits. A single pair
    never crosses the edge of the first double-quoted span (in the order given) that holds its opening mark."""
    closings = [
        j
        for j in all_offsets(text, closing)
        if j > 0 and is_closing(text, j) and not (text[j - 1].isalpha() and text[j + 1 : j + 2].isalpha())
    ]
    good = [j for j in closings if not (text[j - 1] == "s" and text[j + 1 : j + 3].strip()[:1].islower())]
    containers = Containers(doubles)
    pairs = []
    index = 0
    while True:
        index = text.find(opening, index)
        if index == -1:
            return pairs
        if not is_opening(text, index) or not text[index + 1 : index + 2].isalpha():
            index += 1
            continue
        limit = min(paragraph_end(text, index), index + MAX_QUOTE, containers.end_of_first(index))
        pick = first_in(good, index + 2, limit)
        pick = first_in(closings, index + 2, limit) if pick is None else pick
        if pick is None:
            index += 1
            continue
        pairs.append((index, pick, opening + closing))
        index = pick + 1


def all_offsets(text: str, char: str) -> list[int]:
    """Every offset of one character, in order."""
    offsets, at = [], text.find(char)
    while at != -1:
        offsets.append(at)
        at = text.find(char, at + 1)
    return offsets


def first_in(offsets: list[int], low: int, high: int) -> int | None:
    """The first offset in [low, high), by binary search."""
    at = bisect.bisect_left(offsets, low)
    return offsets[at] if at < len(offsets) and offsets[at] < high else None


class Containers:
    """The double-quoted spans (a, b) holding an offset (a < offset < b), asked for offsets that only grow: the
    first such span in the given order, by a sweep with a heap keyed by that order."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.waiting = sorted((a, order, b) for order, (a, b) in enumerate(spans))
        self.next = 0
        self.active: list[tuple[int, int]] = []  # (order, b)

    def end_of_first(self, offset: int) -> float:
        """The end b of the first span holding offset, or infinity when none does."""
        while self.next < len(self.waiting) and self.waiting[self.next][0] < offset:
            _, order, b = self.waiting[self.next]
            heapq.heappush(self.active, (order, b))
            self.next += 1
        while self.active and self.active[0][1] <= offset:
            heapq.heappop(self.active)
        return self.active[0][1] if self.active else float("inf")
