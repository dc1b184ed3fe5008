"""Spans of text for drafting in linear time: which characters a finding has claimed, the findings that fall inside a
stretch of text, and the sentence that holds an offset (binary search over sorted offsets, never a scan per query)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

from ..core.sentences import Sentence

T = TypeVar("T")


class Taken:
    """Characters of the text already claimed by a finding; a later, overlapping candidate is not a finding.
    One byte per character: claiming and asking cost the length of the span, not the number of findings."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def free(self, start: int, end: int) -> bool:
        return 1 not in self.mask[start:end]

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def remove(self, start: int, end: int) -> None:
        self.mask[start:end] = bytes(end - start)


class Index(Generic[T]):
    """Findings with `start` and `end`, sorted by start, for range queries by binary search."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[T]:
        """The findings that start at or after `start` and end by `end`."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [item for item in self.items[low:high] if item.end <= end]

    def starting(self, start: int, end: int) -> list[T]:
        """The findings that start in [start, end)."""
        return self.items[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def before(self, offset: int, limit: int = 2000) -> list[T]:
        """The findings that end by `offset` and start no more than `limit` characters before it, nearest last."""
        return self.within(max(0, offset - limit), offset)

    def at(self, offset: int) -> T | None:
        """The finding that holds `offset`, if any."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and self.items[index].start <= offset < self.items[index].end:
            return self.items[index]
        return None


class Sentences:
    """The article's sentences (scripts.core.sentences) with the one that holds an offset found by binary search."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.items = list(sentences)
        self.starts = [s.start for s in self.items]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Sentence:
        return self.items[index]

    def of(self, offset: int) -> Sentence:
        """The sentence that holds offset (the nearest one before it when it falls between sentences)."""
        if not self.items:
            return Sentence(0, 0, 0, "")
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.items[index]

    def holding(self, offset: int) -> Sentence | None:
        """The sentence that holds offset, or None between sentences."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and self.items[index].start <= offset < self.items[index].end:
            return self.items[index]
        return None

    def previous(self, sentence: Sentence) -> Sentence | None:
        return self.items[sentence.index - 1] if sentence.index > 0 else None
