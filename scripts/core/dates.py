"""Dates of events and quotations: real calendar dates, consistent with their precision, the article and the status."""

from __future__ import annotations

import datetime as dt
import re

from .errors import InvalidDate
from .registry import WEEKDAYS

EARLIEST = 1900  # an item dated before this year needs `early_date_reason`


def parse_date(value: str | None, *, file: object, item: str, field: str) -> dt.date | None:
    """An ISO 8601 calendar date (YYYY-MM-DD) that exists."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidDate(
            file,
            item,
            field,
            f"{value!r} is not a calendar date.",
            'write an existing date as YYYY-MM-DD (e.g. "2023-02-28").',
        ) from None


def check_dated_item(item: dict, published: dt.date, *, file: object, label: str) -> dt.date | None:
    """Parse an item's date and check it against its precision, its weekday words, its status and publication."""
    date = parse_date(item.get("date"), file=file, item=label, field="date")
    precision = item.get("date_precision")
    if (date is None) != (precision is None):
        raise InvalidDate(
            file,
            label,
            "date_precision",
            "a date needs a precision and a precision needs a date.",
            "give both `date` and `date_precision` (day, month or year), or neither.",
        )
    if date is None:
        if item.get("date_qualifier"):
            raise InvalidDate(
                file, label, "date_qualifier", "a qualifier without a date.", "remove it or add the date."
            )
        return None
    if date.year < EARLIEST and not item.get("early_date_reason"):
        raise InvalidDate(
            file,
            label,
            "date",
            f"{date} is before {EARLIEST}; dates that early are usually typing errors.",
            "correct the date, or add `early_date_reason:` saying why the date is right.",
        )
    if (precision == "month" and date.day != 1) or (precision == "year" and (date.month, date.day) != (1, 1)):
        raise InvalidDate(
            file,
            label,
            "date",
            f"{date} does not start its {precision}.",
            f"for {precision} precision write the first day of the {precision}.",
        )
    status = item.get("status", "happened")
    if status in ("happened", "ongoing") and date > published:
        raise InvalidDate(
            file,
            label,
            "date",
            f"{status} on {date}, after the article was published ({published}).",
            "correct the date, or set status: planned.",
        )
    if status == "planned" and date < published:
        raise InvalidDate(
            file,
            label,
            "date",
            f"planned for {date}, before the article was published ({published}).",
            "correct the date, or set status: happened.",
        )
    check_weekday(item.get("date_expression"), date, precision, published, file=file, label=label)
    return date


def check_weekday(
    expression: str | None, date: dt.date, precision: str, published: dt.date, *, file: object, label: str
) -> None:
    """A weekday in the date expression must be the date's weekday, within a week of publication."""
    if not expression or precision != "day":
        return
    named = [day for day in WEEKDAYS if re.search(rf"\b{day}\b", expression.lower())]
    if not named:
        return
    if WEEKDAYS[date.weekday()] != named[0]:
        raise InvalidDate(
            file,
            label,
            "date",
            f"{date} is a {WEEKDAYS[date.weekday()].title()}, but the article says {expression!r}.",
            "resolve the weekday against the publication date.",
        )
    if abs((date - published).days) > 7:
        raise InvalidDate(
            file,
            label,
            "date",
            f"{expression!r} resolved to {date}, more than a week from publication ({published}).",
            "resolve the weekday to the nearest such day around publication.",
        )
