"""Quotation marks: every pair in a text (curly, straight, single marks, guillemets; nested; a quotation continued
in a new paragraph), with offsets. The build checks that every pair is annotated; the drafter classifies them."""

from __future__ import annotations

MAX_QUOTE = 1500  # characters: a mark with no partner within this is not an opening mark


def find_quote_spans(text: str) -> list[tuple[int, int, str]]:
    """(opening mark offset, closing mark offset, marks) for every pair of quotation marks."""
    spans = []
    spans += pair_marks(text, "“", "”")
    spans += pair_marks(text, "«", "»")
    spans += pair_straight(text, '"')
    inside = [(a, b) for a, b, _ in spans]
    spans += pair_single(text, "‘", "’", inside)
    spans += pair_single(text, "'", "'", inside)
    return sorted(set(spans))


def pair_marks(text: str, opening: str, closing: str) -> list[tuple[int, int, str]]:
    pairs, stack = [], []
    for index, char in enumerate(text):
        if char == opening:
            if stack and "\n" in text[stack[-1] : index]:
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


def pair_straight(text: str, mark: str) -> list[tuple[int, int, str]]:
    pairs, begin = [], None
    for index, char in enumerate(text):
        if char != mark:
            continue
        if begin is None:
            if is_opening(text, index):
                begin = index
        elif is_closing(text, index) or not is_opening(text, index):
            pairs.append((begin, index, mark * 2))
            begin = None
        elif "\n" in text[begin:index]:
            pairs.append((begin, paragraph_end(text, begin), mark + "¶"))
            begin = index
    return pairs


def pair_single(text: str, opening: str, closing: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Single marks double as apostrophes: an opening mark follows a space and precedes a letter; a closing mark is not
    between two letters; a plural possessive (leaders’ table) is skipped when a later closing mark fits."""
    pairs = []
    index = 0
    while True:
        index = text.find(opening, index)
        if index == -1:
            return pairs
        if not is_opening(text, index) or not text[index + 1 : index + 2].isalpha():
            index += 1
            continue
        limit = min(paragraph_end(text, index), index + MAX_QUOTE)
        candidates = [
            j
            for j in range(index + 2, limit)
            if text[j] == closing
            and is_closing(text, j)
            and not (text[j - 1].isalpha() and text[j + 1 : j + 2].isalpha())
        ]
        # never let a single pair cross the edge of a double-quoted span
        container = next(((a, b) for a, b in doubles if a < index < b), None)
        if container:
            candidates = [j for j in candidates if j < container[1]]
        good = [j for j in candidates if not (text[j - 1] == "s" and text[j + 1 : j + 3].strip()[:1].islower())]
        pick = (good or candidates or [None])[0]
        if pick is None:
            index += 1
            continue
        pairs.append((index, pick, opening + closing))
        index = pick + 1
