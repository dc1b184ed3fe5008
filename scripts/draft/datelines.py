"""Datelines: the place and day a wire story was filed ("KYIV, Feb 23 (Reuters) -"). Relative expressions ("today",
"on Thursday", "last week") count from that day, which may be a day or more before the publication date of the page
that carries the story."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

from .spans import Sentences

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s+[A-Z][A-Za-z .'’-]{{1,30}})?,\s+"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH}))"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\s*(?:\([^()\n]{{1,40}}\))?\s*(?:-+|—|–)",
    re.M,
)
LINES = 8  # a dateline opens one of the first lines of the story
MAX_LAG = 7  # days between the dateline and the publication date


def dateline_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day of the dateline, in the publication year (or the year it gives), when the story has one."""
    head = "\n".join(text.split("\n", LINES)[:LINES])
    found = DATELINE.search(head)
    if found is None:
        return None
    month = dateutil_parser.parse((found["month"] or found["month2"]).rstrip(".")[:3] + " 1 2000").month
    day = int(found["day"] or found["day2"])
    year = int(found["year"]) if found["year"] else published.year if published else None
    if year is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if published and not found["year"] and date > published:
        date = date.replace(year=year - 1) if not (month == 2 and day == 29) else date
    return date


def reference_day(text: str, published: dt.date | None, sentences: Sentences) -> dt.date | None:
    """The day the article speaks from: its dateline's day when that is up to a week before publication, else the
    publication date."""
    day = dateline_day(text, published)
    if published is None or day is None or not 0 <= (published - day).days <= MAX_LAG:
        return published
    return day
