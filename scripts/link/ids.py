"""Ids across articles: unique everywhere, and every reference to an event pointing at an event that exists."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import DuplicateId, UnknownEvent

# (table, its key) of the rows whose ids the annotations give, and of the rows that may point at an event
IDENTIFIED = (("reports", "report_id", "events"), ("quotes", "quote_id", "quotes"), ("claims", "claim_id", "claims"))
POINTING_AT_EVENTS = (("quotes", "quote_id"), ("vote_statements", "statement_id"), ("claims", "claim_id"))


def check_unique(tables: dict[str, list[dict]], files: dict[str, Path]) -> None:
    """Ids of event items (reports), quotes and claims are unique across every source."""
    for table, key, section in IDENTIFIED:
        seen: dict[str, str] = {}
        for row in tables[table]:
            if row[key] in seen:
                raise DuplicateId(
                    files[row["source_id"]],
                    f"{section} (id: {row[key]})",
                    "id",
                    f"the id is already used in {files[seen[row[key]]]}.",
                    "give every item its own id across all sources (prefix it with the article's subject).",
                )
            seen[row[key]] = row["source_id"]


def check_event_links(tables: dict[str, list[dict]], files: dict[str, Path]) -> None:
    """Quotes, vote statements and claims may only point at events that exist."""
    events = {row["event_id"] for row in tables["events"]}
    for table, key in POINTING_AT_EVENTS:
        for row in tables[table]:
            if row["event_id"] is not None and row["event_id"] not in events:
                raise UnknownEvent(
                    files[row["source_id"]],
                    f"{table} ({key}: {row[key]})",
                    "event",
                    f"no event with id {row['event_id']!r}.",
                    "use the id of an event of the annotations.",
                )
