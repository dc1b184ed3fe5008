"""Temporal expressions resolved to ISO 8601 values with a precision, against the publication date and the tense."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from scripts.core.repo import ROOT
from scripts.draft import draft_article
from scripts.draft.lexicon import KEY_DATES, MissingKeyDate, anniversary_dates

TUESDAY = dt.date(2023, 2, 28)


def dates(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str | None, str | None]]:
    return [(d["text"], d.get("value"), d.get("precision")) for d in draft_article(text, published)["dates"]]


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("Blinken met Tokayev on Tuesday.", "2023-02-28", "day"),
        ("The vote took place on Thursday.", "2023-02-23", "day"),
        ("Blinken will meet the ministers on Friday.", "2023-03-03", "day"),
        ("Blinken is due to visit Tashkent on Wednesday.", "2023-03-01", "day"),
        ("The talks ended yesterday.", "2023-02-27", "day"),
        ("He arrived last week.", "2023-02-20", "week"),
        ("The summit is planned for next month.", "2023-03", "month"),
        ("A year ago, few expected this.", "2022", "year"),
        ("The resolution was adopted on Feb. 23, 2023.", "2023-02-23", "day"),
        ("The resolution was adopted on 23 February 2023.", "2023-02-23", "day"),
        ("The resolution was adopted on 2023-02-23.", "2023-02-23", "day"),
        ("The resolution was adopted on 23/02/2023.", "2023-02-23", "day"),
        ("Troops crossed the border in February 2022.", "2022-02", "month"),
        ("Kazakhstan became independent in 1991.", "1991", "year"),
        ("It came days after the first anniversary of the Russian invasion of Ukraine.", "2023-02-24", "day"),
    ],
)
def test_expression_resolved_against_the_publication_date(text, value, precision):
    found = dates(text)
    assert [(v, p) for _, v, p in found] == [(value, precision)], found


def test_past_weekday_after_a_future_clause_looks_back():
    # "will" belongs to the clause after "that"; the statement itself was made on Tuesday
    assert dates("NATO leaders said Tuesday that Ukraine will be invited.") == [("Tuesday", "2023-02-28", "day")]


def test_without_a_publication_date_relative_expressions_stay_unresolved():
    draft = draft_article("The ministers met on Monday and will meet again next month, and in 2024.", None)
    assert [(d["text"], d.get("value")) for d in draft["dates"]] == [
        ("Monday", None),
        ("next month", None),
        ("2024", "2024"),
    ]
    assert {d["text"] for d in draft["unresolved_dates"]} == {"Monday", "next month"}


def test_may_the_verb_is_not_a_month():
    assert dates("Russia may respond, officials said.") == []


def test_an_anniversary_event_missing_from_key_dates_stops_the_lexicon(tmp_path):
    # the drafter keeps how articles name the event; its date lives only in sources/reference/key_dates.csv
    with open(ROOT / KEY_DATES, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = (
            reader.fieldnames,
            [row for row in reader if row["event"] != "Russian full-scale invasion of Ukraine begins"],
        )
    (tmp_path / KEY_DATES).parent.mkdir(parents=True)
    with open(tmp_path / KEY_DATES, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(MissingKeyDate, match=r"key_dates\.csv: Russian full-scale invasion of Ukraine begins: event:"):
        anniversary_dates(tmp_path)
    assert anniversary_dates(ROOT)[0][1] == dt.date(2022, 2, 24)
