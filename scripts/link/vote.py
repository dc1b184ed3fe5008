"""Votes: the roll-call rows of the reference, marked where an article speaks of a state's vote."""

from __future__ import annotations

STATEMENT_FIELDS = (
    "article_says",
    "source_id",
    "evidence",
    "evidence_start",
    "evidence_end",
    "event_id",
    "review_status",
)


def vote_rows(roll_call: list[dict], statements: list[dict]) -> list[dict]:
    """The roll-call rows with the statement of an article about each state (the last statement about a state wins)."""
    said = {(s["resolution_symbol"], s["iso3"]): s for s in statements}
    rows = []
    for row in roll_call:
        statement = said.get((row["resolution_symbol"], row["iso3"]))
        if statement:
            row = {**row, "in_article": True, **{field: statement[field] for field in STATEMENT_FIELDS}}
        rows.append(row)
    return rows
