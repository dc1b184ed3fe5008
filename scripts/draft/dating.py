"""The date and status of a drafted event as the build will check them (scripts/core/dates.py): a date the build
would refuse is not written; the item says instead what the drafter found and why it left the date to the reviewer.

An absolute date ("Feb. 24, 2022", "2023-02-28") is kept and the status follows it; a date resolved from the tense
of the sentence (a weekday, "last week") that contradicts the status is left out."""

from __future__ import annotations

import datetime as dt
import re

from ..core.dates import check_dated_item
from ..core.errors import InvalidDate

PRECISIONS = ("day", "month", "year")


def first_day(value: str, precision: str) -> str:
    """The first day of the period a value names (the build's convention for month and year precision)."""
    return {"day": value, "month": f"{value}-01", "year": f"{value}-01-01"}[precision]


def absolute(event: dict) -> bool:
    """Whether the date was written in full (a year is given), so that it does not depend on the tense."""
    return event.get("date_rule") in ("iso", "numeric", "anniversary") or bool(
        re.search(r"\b\d{4}\b", event.get("date_text") or "")
    )


def candidate(event: dict) -> dict:
    """The date fields the drafted event would carry."""
    precision = event.get("date_precision")
    if not event.get("date") or precision not in PRECISIONS:
        basis = (
            "machine draft: no date in the sentence"
            if not event.get("date")
            else f"machine draft: {event['date_text']!r} names a week, which the events table cannot hold; date it by hand"
        )
        return {"date": None, "date_precision": None, "date_expression": None, "date_basis": basis}
    expression = event["date_text"] if event.get("date_rule") != "anchored" else None
    return {
        "date": first_day(event["date"], precision),
        "date_precision": precision,
        "date_expression": expression,
        "date_basis": f"machine draft: {event['date_text']!r} resolved against the publication date "
        "(or the dateline's day)",
    }


def dating(event: dict, status: str, published: dt.date | None) -> tuple[str, dict]:
    """The status and date fields of a drafted event, consistent with the build's rules."""
    fields = candidate(event)
    if fields["date"] is None or published is None:
        return status, fields
    try:
        check_dated_item({**fields, "status": status}, published, file="draft", label="event")
        return status, fields
    except InvalidDate as error:
        problem = error.problem
    if absolute(event):
        date = dt.date.fromisoformat(fields["date"])
        repaired = "planned" if date > published else "happened"
        fields["date_basis"] += f"; the sentence read as {status}, the date says {repaired}: check the status"
        try:
            check_dated_item({**fields, "status": repaired}, published, file="draft", label="event")
            return repaired, fields
        except InvalidDate:
            pass
    note = (
        f"machine draft: {event['date_text']!r} resolved to {event['date']}, which the build would refuse for "
        f"a {status} event in an article published on {published} ({problem.rstrip('.')}); date left to the "
        "reviewer"
    )
    return status, {"date": None, "date_precision": None, "date_expression": None, "date_basis": note}
