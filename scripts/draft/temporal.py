"""Temporal expressions: explicit dates in the usual news formats, months, years, weekdays, relative expressions
("yesterday", "last week", "a year ago") and anniversaries of dated events, resolved to an ISO 8601 value with a
precision against the publication date, forward or back by the tense of the sentence.

Values: day -> YYYY-MM-DD; week -> the Monday of that week (YYYY-MM-DD); month -> YYYY-MM; year -> YYYY."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from ..core.registry import WEEKDAYS
from .text import FUTURE, Taken

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
         r"Sept|Sep|Oct|Nov|Dec)")
WEEKDAY = "(?:" + "|".join(day.title() for day in WEEKDAYS) + ")"
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}
# Dated events an anniversary can count from (sources/reference/key_dates.csv).
ANNIVERSARIES = [
    (re.compile(r"(?:Russia['’]s\s+|the\s+)?(?:full-scale\s+|Russian\s+|large-scale\s+)*invasion(?:\s+of\s+Ukraine)?", re.I),
     dt.date(2022, 2, 24), "key_dates.csv: Russian full-scale invasion of Ukraine begins, 2022-02-24"),
    (re.compile(r"(?:the\s+)?(?:collapse|dissolution|breakup|break-up)\s+of\s+the\s+Soviet\s+Union", re.I),
     dt.date(1991, 12, 26), "key_dates.csv: dissolution of the USSR, 1991-12-26"),
]

PATTERNS = [
    ("anniversary", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                               r"\d+(?:st|nd|rd|th))\s+anniversary\s+of\s+(?P<what>[^,.;:“”\"]{3,80})", re.I)),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b")),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<y>\d{{4}}))?(?![\w])")),
    ("month_day", re.compile(rf"\b(?P<month>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,\s*(?P<y>\d{{4}}))?(?!\d)")),
    ("month_year", re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?(?P<month>{MONTH})\s+(?P<y>\d{{4}})\b")),
    ("month", re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?(?P<month>{MONTH})(?![\w])")),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("relative", re.compile(r"\b(?P<mod>last|next|this|past|coming|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
                       r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("year", re.compile(r"\b(?:in|In|since|Since|until|by|from|From|before|after|during|throughout|year|of|early|late|and|to)\s"
                        r"(?P<y>1[89]\d\d|20\d\d)(?!\s*(?:km|%|percent|per cent|people|troops|votes|soldiers|tonnes|[-–]\d))\b")),
    ("year", re.compile(r"(?<=mid-)(?P<y>1[89]\d\d|20\d\d)\b")),
]
MAY_CONTEXT = re.compile(r"(?:\b(?:in|since|until|by|from|early|late|mid-|last|next|this|of|before|after)\s*)$", re.I)


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    rule: str
    direction: str | None = None      # past | future, when the value depended on the tense
    unresolved: str | None = None     # why no value was given

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def month_number(word: str) -> int:
    return dateutil_parser.parse(word.rstrip(".")[:3] + " 1 2000").month


def fmt(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if precision == "week":
        date = date - dt.timedelta(days=date.weekday())
    return date.isoformat()


def find_dates(text: str, published: dt.date | None, sentences) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    taken = Taken()
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if not taken.free(start, end):
                continue
            if rule in ("month", "month_day", "day_month") and match.group("month") in ("May", "Mar", "Jun", "Jan", "Sep", "Sept"):
                if rule == "month" and not MAY_CONTEXT.search(text[max(0, start - 12):start]):
                    continue
            if rule == "month" and match.group("month").rstrip(".") in ("Mar", "Jun", "Jan", "Sep", "Sept", "Dec",
                                                                       "Oct", "Nov", "Aug", "Apr", "Feb", "Jul"):
                continue        # a bare abbreviation is too often something else
            future = tense_is_future(text, start, sentences)
            expression = resolve(rule, match, published, future)
            if expression is None:
                continue
            expression.start, expression.end = start + expression.start, start + expression.end
            expression.text = text[expression.start:expression.end]
            found.append(expression)
            taken.add(start, end)
    return sorted(found, key=lambda e: e.start)


CLAUSE_EDGE = re.compile(r"[,;:“”\"(]|\b(?:that|after|before|when|while|since|because|as|and|but|until|who|which)\b", re.I)


def tense_is_future(text: str, at: int, sentences) -> bool:
    """Whether the clause that holds the expression looks ahead ("will meet on Friday", "is due to visit on Monday");
    the clause runs back from the expression to the nearest comma or conjunction."""
    sentence = next((s for s in sentences if s.start <= at < s.end), None)
    begin = max(sentence.start if sentence else 0, at - 120)
    before = text[begin:at]
    edges = list(CLAUSE_EDGE.finditer(before))
    clause = before[edges[-1].end():] if edges else before
    if len(clause.split()) <= 1 and len(edges) >= 2:
        clause = before[edges[-2].end():]       # "will meet Tokayev, on Friday"
    return bool(FUTURE.search(clause))


def resolve(rule: str, match: re.Match, published: dt.date | None, future: bool) -> TimeExpression | None:
    """The expression with its offsets relative to the match, and its value (None with a reason when unknown)."""
    span = (0, match.end() - match.start())
    direction = "future" if future else "past"
    if rule == "iso":
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        return TimeExpression("", *span, date.isoformat(), "day", rule)
    if rule == "numeric":
        first, second = int(match["a"]), int(match["b"])
        day, month = (first, second) if first > 12 or second <= 12 else (second, first)   # day first unless impossible
        try:
            return TimeExpression("", *span, dt.date(int(match["y"]), month, day).isoformat(), "day", rule)
        except ValueError:
            return None
    if rule in ("day_month", "month_day"):
        month, day = month_number(match["month"]), int(match["d"])
        if match["y"]:
            try:
                return TimeExpression("", *span, dt.date(int(match["y"]), month, day).isoformat(), "day", rule)
            except ValueError:
                return None
        if published is None:
            return TimeExpression("", *span, None, "day", rule, unresolved="no year and no publication date")
        try:
            date = dt.date(published.year, month, day)
        except ValueError:
            return None
        if future and date < published - dt.timedelta(days=31):
            date = date.replace(year=date.year + 1)
        elif not future and date > published + dt.timedelta(days=31):
            date = date.replace(year=date.year - 1)
        return TimeExpression("", *span, date.isoformat(), "day", rule, direction)
    if rule == "month_year":
        return TimeExpression("", *span, f"{int(match['y']):04d}-{month_number(match['month']):02d}", "month", rule)
    if rule == "month":
        month = month_number(match["month"])
        if published is None:
            return TimeExpression("", *span, None, "month", rule, unresolved="no year and no publication date")
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return TimeExpression("", *span, f"{year:04d}-{month:02d}", "month", rule, direction)
    if rule == "year":
        return TimeExpression("", match.start("y") - match.start(), match.end("y") - match.start(), match["y"], "year", rule)
    if published is None:
        unit = {"weekday": "day", "deictic": "day"}.get(rule) or (match["unit"].lower().rstrip("s") if "unit" in match.re.groupindex else None)
        return TimeExpression("", *span, None, unit, rule, unresolved="relative to an unknown publication date")
    if rule == "weekday":
        weekday = WEEKDAYS.index(match["wd"].lower())
        mod = (match["mod"] or "").lower()
        if mod in ("next", "coming") or (future and mod != "last" and mod != "past"):
            delta = (weekday - published.weekday()) % 7 or 7
            return TimeExpression("", *span, (published + dt.timedelta(days=delta)).isoformat(), "day", rule, "future")
        delta = (published.weekday() - weekday) % 7
        if mod in ("last", "past") and delta == 0:
            delta = 7
        return TimeExpression("", *span, (published - dt.timedelta(days=delta)).isoformat(), "day", rule, "past")
    if rule == "deictic":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match["word"].lower()]
        return TimeExpression("", *span, (published + dt.timedelta(days=offset)).isoformat(), "day", rule)
    if rule == "relative":
        mod, unit = match["mod"].lower(), match["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
        moved = published + relativedelta(**{unit + "s": step})
        precision = unit
        return TimeExpression("", *span, fmt(moved, precision), precision, rule)
    if rule == "ago":
        count = NUMBER_WORDS.get(match["n"].lower(), None) if not match["n"].isdigit() else int(match["n"])
        unit = match["unit"].lower().rstrip("s")
        if count is None:
            return TimeExpression("", *span, None, unit, rule, unresolved=f"{match['n']!r} is not a number")
        moved = published - relativedelta(**{unit + "s": count})
        return TimeExpression("", *span, fmt(moved, unit), unit, rule)
    if rule == "anniversary":
        ordinal = match["ord"].lower()
        count = ORDINALS.get(ordinal) or int(re.match(r"\d+", ordinal).group())
        for pattern, date, basis in ANNIVERSARIES:
            what = pattern.match(match["what"])
            if what:
                end = match.start("what") - match.start() + what.end()
                value = date + relativedelta(years=count)
                return TimeExpression("", 0, end, value.isoformat(), "day", rule, unresolved=None)
        return TimeExpression("", *span, None, "day", rule, unresolved="anniversary of an event the drafter has no date for")
    return None
