"""Words for people: lists, counts and quoted words written as sentences, never as Python reprs ("['KAZ']").

Every text a person reads (a claim's rule_detail, the quality report, the workbook, the build's summary) builds its
lists and counts here."""

from __future__ import annotations

from collections.abc import Iterable


def listing(items: Iterable[object], last: str = "and", empty: str = "none") -> str:
    """ "a", "a and b", "a, b and c" (or `empty` for no item)."""
    words = [str(item) for item in items]
    if not words:
        return empty
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def quoted(items: Iterable[object]) -> list[str]:
    """Each item between curly quotation marks: “bill”."""
    return [f"“{item}”" for item in items]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 row", "2 rows", "1,234 rows"."""
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"
