"""Temporal expressions: explicit dates in the usual news formats, months, years, weekdays, relative expressions
("yesterday", "last week", "a year ago") and anniversaries of dated events, resolved to an ISO 8601 value with a
precision against the publication date, forward or back by the tense of the sentence.

Values: day -> YYYY-MM-DD; week -> the Monday of that week (YYYY-MM-DD); month -> YYYY-MM; year -> YYYY."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from ..core.registry import WEEKDAYS
from .anchored import find_anchored, find_previous_years
from .patterns import alternation
from .spans import Sentences, Taken
from .text import FUTURE
from .timex import TimeExpression

MONTH = (
    "(?:"
    + alternation(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan.",
            "Feb.",
            "Mar.",
            "Apr.",
            "Jun.",
            "Jul.",
            "Aug.",
            "Sept.",
            "Sep.",
            "Oct.",
            "Nov.",
            "Dec.",
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Jun",
            "Jul",
            "Aug",
            "Sept",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
    )
    + ")"
)
WEEKDAY = "(?:" + alternation(day.title() for day in WEEKDAYS) + ")"
ORDINAL = (
    "(?:"
    + alternation(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])
    + r"|\d+(?:st|nd|rd|th))"
)
NUMBER_WORDS = {
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
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
}
AGO_COUNTS = [
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "several",
    "few",
]
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# How an article names each event an anniversary can count from, keyed by the event's name in
# sources/reference/key_dates.csv, the one place that holds its date (lexicon.anniversary_dates reads it).
ANNIVERSARY_EVENTS = {
    "Russian full-scale invasion of Ukraine begins": re.compile(
        r"(?:(?:Russia|Moscow)['’]s\s+|the\s+)?(?:full-scale\s+|Russian\s+|large-scale\s+)*"
        r"(?:invasion(?:\s+of\s+Ukraine)?|war(?:\s+(?:in|on|against)\s+Ukraine)?|conflict"
        r"|(?:start|beginning|launch)\s+of\s+the\s+special\s+military\s+operation)\b",  # the Kremlin's words
        re.I,
    ),
    "Dissolution of the USSR (declaration 142-N of the Soviet of the Republics of the USSR Supreme Soviet)": re.compile(
        r"(?:the\s+)?(?:collapse|dissolution|breakup|break-up)\s+of\s+the\s+Soviet\s+Union", re.I
    ),
}

REQUIRED = {"anniversary": "anniversary", "ago": "ago"}  # words every match of the rule holds (any case)
PATTERNS = [
    (
        "anniversary",
        re.compile(rf"\b(?:the\s+)?(?P<ord>{ORDINAL})\s+anniversary\s+of\s+(?P<what>[^,.;:“”\"]{{3,80}})", re.I),
    ),
    (
        "anniversary",
        re.compile(
            rf"\b(?:the\s+)?(?P<what>war|invasion|conflict)['’]s\s+(?P<ord>{ORDINAL})\s+"
            r"anniversary\b",
            re.I,
        ),
    ),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b")),
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?:,\s*(?P<y>\d{{4}}))?(?!\d)"
        ),
    ),
    ("month_year", re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?(?P<month>{MONTH})\s+(?P<y>\d{{4}})\b")),
    ("month", re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?(?P<month>{MONTH})(?![\w])")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>last|next|this|coming|past)\s+)?(?P<wd>{WEEKDAY})"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
    ),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?P<mod>last|next|this|past|coming|earlier this|later this)\s+"
            r"(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|" + alternation(AGO_COUNTS) + ")"
            r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|In|since|Since|until|by|from|From|before|after|during|throughout|year|of|early|late|"
            r"and|to)\s(?P<y>1[89]\d\d|20\d\d)(?!\s*(?:km|%|percent|per cent|people|troops|votes|soldiers|"
            r"tonnes|[-–]\d))\b"
        ),
    ),
    ("year", re.compile(r"(?<=mid-)(?P<y>1[89]\d\d|20\d\d)\b")),
]
MAY_CONTEXT = re.compile(r"(?:\b(?:in|since|until|by|from|early|late|mid-|last|next|this|of|before|after)\s*)$", re.I)


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against: the day the article speaks from (its dateline's day, else the
    publication date), the tense of its clause, the dated events."""

    reference: dt.date | None
    future: bool
    anniversaries: list[tuple[re.Pattern, dt.date]]

    @property
    def direction(self) -> str:
        return "future" if self.future else "past"


@functools.lru_cache(maxsize=64)
def month_number(word: str) -> int:
    return dateutil_parser.parse(word.rstrip(".")[:3] + " 1 2000").month


def fmt(date: dt.date, precision: str) -> str:
    """The value of a date at a precision: YYYY, YYYY-MM, the Monday of its week, or the day."""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if precision == "week":
        date = date - dt.timedelta(days=date.weekday())
    return date.isoformat()


def find_dates(
    text: str, published: dt.date | None, sentences: Sentences, anniversaries: list[tuple[re.Pattern, dt.date]]
) -> list[TimeExpression]:
    """The temporal expressions of the text, resolved against the day the article speaks from (its dateline's day,
    else the publication date); anniversaries count from the dated events given (the lexicon's, from
    sources/reference/key_dates.csv); "the day before …", "a day after …", "on the eve of …" from what they name."""
    from .datelines import reference_day

    reference = reference_day(text, published, sentences)
    found: list[TimeExpression] = []
    taken = Taken(len(text))
    expression_at = lambda at: expressions_at(text, at, sentences, reference, anniversaries)  # noqa: E731
    scan = lambda start, end: expressions_in(text, start, end, sentences, reference, anniversaries)  # noqa: E731
    for expression in find_anchored(text, expression_at, scan, sentences, anniversaries):
        found.append(expression)
        taken.add(expression.start, expression.end)
    for expression in find_previous_years(text, scan, sentences):
        if taken.free(expression.start, expression.end):
            found.append(expression)
            taken.add(expression.start, expression.end)
    lower = text.lower()
    for rule, pattern in PATTERNS:
        if REQUIRED.get(rule, "") not in lower:  # a cheap test before the scan: no "ago", no "… ago" to find
            continue
        for match in pattern.finditer(text):
            if not taken.free(match.start(), match.end()) or not plausible(text, rule, match):
                continue
            expression = located(text, rule, match, sentences, reference, anniversaries)
            if expression is not None:
                found.append(expression)
                taken.add(expression.start, expression.end)
    return sorted(found, key=lambda e: e.start)


def plausible(text: str, rule: str, match: re.Match) -> bool:
    """ "May" the verb and bare month abbreviations are too often something else."""
    if (
        rule == "month"
        and match.group("month") == "May"
        and not MAY_CONTEXT.search(text[max(0, match.start() - 12) : match.start()])
    ):
        return False
    return not (
        rule == "month"
        and match.group("month").rstrip(".")
        in ("Mar", "Jun", "Jan", "Sep", "Sept", "Dec", "Oct", "Nov", "Aug", "Apr", "Feb", "Jul")
    )


def located(
    text: str,
    rule: str,
    match: re.Match,
    sentences: Sentences,
    reference: dt.date | None,
    anniversaries: list[tuple[re.Pattern, dt.date]],
) -> TimeExpression | None:
    """The expression a match found, resolved in the tense of its clause, with offsets in the text."""
    future = tense_is_future(text, match.start(), sentences)
    expression = resolve(rule, match, Context(reference, future, anniversaries))
    if expression is None:
        return None
    expression.start, expression.end = match.start() + expression.start, match.start() + expression.end
    expression.text = text[expression.start : expression.end]
    return expression


def expressions_in(
    text: str,
    start: int,
    end: int,
    sentences: Sentences,
    reference: dt.date | None,
    anniversaries: list[tuple[re.Pattern, dt.date]],
) -> list[TimeExpression]:
    """The expressions in text[start:end], in order (for an anchor that refers to an event dated before)."""
    found, taken = [], Taken(end - start)
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text, start, end):
            if taken.free(match.start() - start, match.end() - start) and plausible(text, rule, match):
                expression = located(text, rule, match, sentences, reference, anniversaries)
                if expression is not None:
                    found.append(expression)
                    taken.add(match.start() - start, match.end() - start)
    return sorted(found, key=lambda e: e.start)


def expressions_at(
    text: str, at: int, sentences: Sentences, reference: dt.date | None, anniversaries: list[tuple[re.Pattern, dt.date]]
) -> TimeExpression | None:
    """The expression that starts at `at`, if any (the anchor of "the day before …")."""
    for rule, pattern in PATTERNS:
        match = pattern.match(text, at)
        if match and plausible(text, rule, match):
            expression = located(text, rule, match, sentences, reference, anniversaries)
            if expression is not None and expression.start == at:
                return expression
    return None


CLAUSE_EDGE = re.compile(
    r"[,;:“”\"(]|\b(?:that|after|before|when|while|since|because|as|and|but|until|who|which)\b", re.I
)
PAST = re.compile(
    r"\b(?:[a-z]+ed|was|were|had|did|said|told|met|began|took|made|went|came|saw|held|won|lost|left|"
    r"fled|struck|sent|gave|spoke|wrote|became|brought|fought|ran|rose|fell|chose|drove|flew|paid|"
    r"set off|hit|cut|led|put|signed|agreed|announced)\b"
)


def tense_is_future(text: str, at: int, sentences: Sentences) -> bool:
    """Whether the clause that holds the expression looks ahead ("will meet on Friday", "is due to visit on Monday",
    "On Wednesday she will visit"); the clause runs back from the expression to the nearest comma or conjunction,
    and a clause without a verb takes the tense of its sentence."""
    sentence = sentences.holding(at)
    begin = max(sentence.start if sentence else 0, at - 160)
    before = text[begin:at]
    edges = list(CLAUSE_EDGE.finditer(before))
    clause = before[edges[-1].end() :] if edges else before
    if len(clause.split()) <= 1 and len(edges) >= 2:
        clause = before[edges[-2].end() :]  # "will meet Tokayev, on Friday"
    if FUTURE.search(clause):
        return True
    if PAST.search(clause):
        return False
    end = min(sentence.end if sentence else len(text), at + 80)
    after = text[at:end]
    edge = CLAUSE_EDGE.search(after, 1)
    ahead = FUTURE.search(after[: edge.start() if edge else len(after)])
    if len(clause.split()) <= 2 and ahead and not PAST.search(after[: ahead.start()]):
        return True
    return bool(FUTURE.search(before)) and not PAST.search(before[-60:])


Resolver = Callable[[str, re.Match, Context], "TimeExpression | None"]


def whole(match: re.Match) -> tuple[int, int]:
    """The offsets of the whole match, relative to its start."""
    return 0, match.end() - match.start()


def dated_day(rule: str, match: re.Match, year: int, month: int, day: int) -> TimeExpression | None:
    """A day the article dates in full; None when no such day exists."""
    try:
        return TimeExpression("", *whole(match), dt.date(year, month, day).isoformat(), "day", rule)
    except ValueError:
        return None


def resolve_iso(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    return dated_day(rule, match, int(match["y"]), int(match["m"]), int(match["d"]))


def resolve_numeric(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    first, second = int(match["a"]), int(match["b"])
    day, month = (first, second) if first > 12 or second <= 12 else (second, first)  # day first unless impossible
    return dated_day(rule, match, int(match["y"]), month, day)


def resolve_day_and_month(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """ "23 February", "Feb. 23, 2023": without a year, the nearest such day back or forward by the tense."""
    month, day = month_number(match["month"]), int(match["d"])
    if match["y"]:
        return dated_day(rule, match, int(match["y"]), month, day)
    if when.reference is None:
        return TimeExpression("", *whole(match), None, "day", rule, unresolved="no year and no publication date")
    try:
        date = dt.date(when.reference.year, month, day)
    except ValueError:
        return None
    if when.future and date < when.reference - dt.timedelta(days=31):
        date = date.replace(year=date.year + 1)
    elif not when.future and date > when.reference + dt.timedelta(days=31):
        date = date.replace(year=date.year - 1)
    return TimeExpression("", *whole(match), date.isoformat(), "day", rule, when.direction)


def resolve_month_year(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    return TimeExpression("", *whole(match), f"{int(match['y']):04d}-{month_number(match['month']):02d}", "month", rule)


def resolve_month(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """A month without a year: in the publication year, or the year before or after by the tense."""
    month = month_number(match["month"])
    if when.reference is None:
        return TimeExpression("", *whole(match), None, "month", rule, unresolved="no year and no publication date")
    year = when.reference.year
    if when.future and month < when.reference.month:
        year += 1
    elif not when.future and month > when.reference.month:
        year -= 1
    return TimeExpression("", *whole(match), f"{year:04d}-{month:02d}", "month", rule, when.direction)


def resolve_year(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """The year alone, without the word before it ("in 2024")."""
    start = match.start()
    return TimeExpression("", match.start("y") - start, match.end("y") - start, match["y"], "year", rule)


def counted_from_publication(resolver: Resolver) -> Resolver:
    """A resolver of an expression that counts from the publication date: without one, the expression stays
    unresolved, with the precision its unit gives."""

    @functools.wraps(resolver)
    def resolved(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
        """The expression resolved, or unresolved with the precision of its unit when no date counts."""
        if when.reference is None:
            unit = {"weekday": "day", "deictic": "day"}.get(rule) or (
                match["unit"].lower().rstrip("s") if "unit" in match.re.groupindex else None
            )
            return TimeExpression(
                "", *whole(match), None, unit, rule, unresolved="relative to an unknown publication date"
            )
        return resolver(rule, match, when)

    return resolved


@counted_from_publication
def resolve_weekday(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """ "on Friday", "last Monday": the nearest such day forward or back by the modifier, else by the tense."""
    published = when.reference
    weekday = WEEKDAYS.index(match["wd"].lower())
    mod = (match["mod"] or "").lower()
    if mod in ("next", "coming") or (when.future and mod != "last" and mod != "past"):
        delta = (weekday - published.weekday()) % 7  # "will arrive on Thursday" in Thursday's paper: that day
        delta = delta or (7 if mod in ("next", "coming") else 0)
        return TimeExpression(
            "", *whole(match), (published + dt.timedelta(days=delta)).isoformat(), "day", rule, "future"
        )
    delta = (published.weekday() - weekday) % 7
    if mod in ("last", "past") and delta == 0:
        delta = 7
    return TimeExpression("", *whole(match), (published - dt.timedelta(days=delta)).isoformat(), "day", rule, "past")


@counted_from_publication
def resolve_deictic(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match["word"].lower()]
    return TimeExpression("", *whole(match), (when.reference + dt.timedelta(days=offset)).isoformat(), "day", rule)


@counted_from_publication
def resolve_relative(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """ "last week", "next month", "this year": the week, month or year before, after or of the publication."""
    mod, unit = match["mod"].lower(), match["unit"].lower()
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
    moved = when.reference + relativedelta(**{unit + "s": step})
    precision = unit
    return TimeExpression("", *whole(match), fmt(moved, precision), precision, rule)


@counted_from_publication
def resolve_ago(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """ "two weeks ago": counted back from the day the article speaks from, at the precision of the unit; years ago
    are months ago, since the month is known ("a year ago" in February 2023 is February 2022)."""
    count = NUMBER_WORDS.get(match["n"].lower()) if not match["n"].isdigit() else int(match["n"])
    unit = match["unit"].lower().rstrip("s")
    precision = "month" if unit == "year" else unit
    if count is None:
        return TimeExpression("", *whole(match), None, precision, rule, unresolved=f"{match['n']!r} is not a number")
    moved = when.reference - relativedelta(**{unit + "s": count})
    return TimeExpression("", *whole(match), fmt(moved, precision), precision, rule)


@counted_from_publication
def resolve_anniversary(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """ "the first anniversary of the Russian invasion": the event's date from key_dates.csv plus the years counted;
    the expression ends where the name of the event does."""
    ordinal = match["ord"].lower()
    count = ORDINALS.get(ordinal) or int(re.match(r"\d+", ordinal).group())
    for pattern, date in when.anniversaries:
        what = pattern.match(match["what"])
        if what:
            end = match.start("what") - match.start() + what.end()
            if match.start("what") < match.start("ord"):
                end = match.end() - match.start()  # "the war's second anniversary"
            value = date + relativedelta(years=count)
            return TimeExpression("", 0, end, value.isoformat(), "day", rule, unresolved=None)
    return TimeExpression(
        "", *whole(match), None, "day", rule, unresolved="anniversary of an event the drafter has no date for"
    )


RESOLVERS: dict[str, Resolver] = {
    "iso": resolve_iso,
    "numeric": resolve_numeric,
    "day_month": resolve_day_and_month,
    "month_day": resolve_day_and_month,
    "month_year": resolve_month_year,
    "month": resolve_month,
    "year": resolve_year,
    "weekday": resolve_weekday,
    "deictic": resolve_deictic,
    "relative": resolve_relative,
    "ago": resolve_ago,
    "anniversary": resolve_anniversary,
}


def resolve(rule: str, match: re.Match, when: Context) -> TimeExpression | None:
    """The expression with its offsets relative to the match, and its value (None with a reason when unknown)."""
    return RESOLVERS[rule](rule, match, when)
