"""Dates counted from something the article names: "the day before the first anniversary of Russia's invasion", "a day
after Tuesday's meeting", "one year after Moscow's full-scale invasion", "on the eve of Thursday's summit", "a day after
the vote" (the vote the article dated before). The expression runs from the offset to the end of what it counts
from, and its value is that date moved by the offset."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from .spans import Sentences
from .timex import TimeExpression

NUMBERS = {
    "the": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
OFFSET = re.compile(
    r"\b(?P<count>the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|days|week|weeks|month|months|year|years)\s+(?P<way>before|after)\s+"
    r"|\b(?P<eve>(?:the\s+)?eve\s+of)\s+",
    re.I,
)
BACK_REFERENCE = re.compile(
    r"(?:the|this|that|last)\s+(?P<noun>[a-z]{3,20})(?:\s+(?:started|began|ended|was held|"
    r"took place))?\b"
)
LOOK_BACK = 24  # sentences searched for the sentence that names and dates the event a back-reference names
LATEST_WITHIN = 8  # failing that, the latest day dated within this many sentences before


def shift(value: str, precision: str, days: int = 0, months: int = 0, years: int = 0) -> str | None:
    """A date value (YYYY-MM-DD, YYYY-MM or YYYY) moved by the offset, at its own precision."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    moved = dt.date(parts[0], parts[1], parts[2]) + relativedelta(days=days, months=months, years=years)
    return {
        "day": moved.isoformat(),
        "week": moved.isoformat(),
        "month": f"{moved.year:04d}-{moved.month:02d}",
        "year": f"{moved.year:04d}",
    }.get(precision)


def offset_of(match: re.Match) -> dict[str, int]:
    """The signed offset an expression states ("the day before" → -1 day, "one year after" → +1 year)."""
    if match["eve"]:
        return {"days": -1}
    count = NUMBERS.get(match["count"].lower()) or int(match["count"])
    unit = match["unit"].lower().rstrip("s")
    sign = -1 if match["way"].lower() == "before" else 1
    return (
        {"days": sign * count}
        if unit == "day"
        else {"days": sign * 7 * count}
        if unit == "week"
        else {unit + "s": sign * count}
    )


def find_anchored(
    text: str, expression_at: Callable, scan: Callable, sentences: Sentences, events: list[tuple[re.Pattern, dt.date]]
):
    """Every expression counted from a date the text names, from an event of key_dates.csv, or from an event the
    article dated earlier; each with its value (None when what it counts from has none)."""
    for match in OFFSET.finditer(text):
        at = match.end()
        anchor = expression_at(at) or key_event_at(text, at, events) or referred_event(text, at, scan, sentences)
        if anchor is None:
            continue
        value = shift(anchor.value, anchor.precision, **offset_of(match)) if anchor.value else None
        yield TimeExpression(
            text[match.start() : anchor.end],
            match.start(),
            anchor.end,
            value,
            anchor.precision,
            "anchored",
            unresolved=None if value else anchor.unresolved or "no date for the anchor",
        )


PREVIOUS_YEAR = re.compile(
    r"\b(?:the\s+(?:previous|preceding)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))\b"
    r"(?!\s+(?:the|last)\b)",
    re.I,
)


def find_previous_years(text: str, scan: Callable, sentences: Sentences):
    """ "in 2023, an increase of 12 percent compared to the previous year", "in 2022 from a year earlier": the year
    before the latest date of the sentence that names a year, at that date's precision."""
    for match in PREVIOUS_YEAR.finditer(text):
        sentence = sentences.holding(match.start())
        if sentence is None:
            continue
        named = [d for d in scan(sentence.start, match.start()) if d.value and d.precision in ("year", "month", "day")]
        if not named or not re.search(r"\b\d{4}\b", named[-1].text):
            continue
        anchor = named[-1]
        value = shift(anchor.value, anchor.precision, years=-1)
        yield TimeExpression(match.group(), match.start(), match.end(), value, anchor.precision, "anchored")


def key_event_at(text: str, at: int, events: list[tuple[re.Pattern, dt.date]]):
    """ "Russia's invasion", "the collapse of the Soviet Union": an event of key_dates.csv named at `at`."""
    for pattern, date in events:
        found = pattern.match(text, at)
        if found and found.end() > at:
            return TimeExpression(found.group(), at, found.end(), date.isoformat(), "day", "key event")
    return None


def referred_event(text: str, at: int, scan: Callable, sentences: Sentences):
    """ "a day after the vote": the day of the vote as the article dated it before — a sentence that names the event
    (its word, or the verb of the same stem) and a day; failing that, the latest day dated in the sentences before."""
    found = BACK_REFERENCE.match(text, at)
    if found is None:
        return None
    stem = found["noun"][:5].lower()
    sentence = sentences.holding(at)
    if sentence is None:
        return None
    earlier, latest = sentences.previous(sentence), None
    for back in range(LOOK_BACK):
        if earlier is None:
            break
        days = [d for d in scan(earlier.start, earlier.end) if d.precision == "day" and d.value]
        named = earlier.text.lower().find(stem)
        if days and named != -1:
            day = min(days, key=lambda d: abs(d.start - earlier.start - named))
            return TimeExpression(found.group(), at, found.end(), day.value, "day", "event dated before")
        if back < LATEST_WITHIN:
            latest = latest or (days[-1] if days else None)
        earlier = sentences.previous(earlier)
    if latest is None:
        return None
    return TimeExpression(found.group(), at, found.end(), latest.value, "day", "latest day dated before")
