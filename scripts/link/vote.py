"""Votes: the roll-call rows of the reference, each counting the statements articles make about it."""

from __future__ import annotations

from collections import Counter


def vote_rows(roll_call: list[dict], statements: list[dict]) -> list[dict]:
    """The roll-call rows as the record has them, with the number of vote statements about each state's vote."""
    counts = Counter((s["resolution_symbol"], s["iso3"]) for s in statements)
    return [{**row, "statement_count": counts[(row["resolution_symbol"], row["iso3"])]} for row in roll_call]
