"""Votes: the rows of the reference roll calls, and the statements an article makes about how states voted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.errors import UnknownCode
from ..core.evidence import locate
from ..load.article import Article
from ..load.review import status
from ..load.vocabulary import check_iso3

GENERAL_ASSEMBLY = "un-general-assembly"


def roll_call_rows(roll_calls: list[dict], actors: dict) -> list[dict]:
    """One votes row per resolution and member state, as the reference records it."""
    state_actors = {a["iso3"]: a["actor_id"] for a in actors.values() if a["kind"] == "state"}
    rows = []
    for record in roll_calls:
        resolution, call = record["resolution"], record["call"]
        rows.append(
            {
                "resolution_symbol": resolution["symbol"],
                "iso3": call["iso3"],
                "member_state": call["member_state"],
                "vote": call["vote"],
                "resolution_title": resolution["title"],
                "vote_date": dt.date.fromisoformat(resolution["vote_date"]),
                "body_actor_id": GENERAL_ASSEMBLY,
                "actor_id": state_actors.get(call["iso3"]),
                "record_source": f"UN Digital Library record {resolution['undl_record']} ({resolution['record_url']}); "
                f"sources/reference/{resolution['roll_call_file']}",
                "record_crosschecks": call["sources"],
                "statement_count": 0,  # counted across articles by scripts/link/vote.py
            }
        )
    return sorted(rows, key=lambda row: (row["resolution_symbol"], row["iso3"]))


def stage_vote_statements(
    article: Article, annotations: dict, roll_call: set[tuple[str, str]], file: Path
) -> list[dict]:
    """One row per state an annotated vote item names; every state must be a member with a recorded vote."""
    statements = []
    for index, item in enumerate(annotations.get("votes", [])):
        statement_id = item.get("id") or f"{article.source_id}-vote-{index + 1}"
        label = f"votes[{index}] (id: {statement_id})"
        span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
        for iso3 in item["states"]:
            check_iso3(iso3, file=file, item=label, field="states")
            if (item["resolution"], iso3) not in roll_call:
                raise UnknownCode(
                    file,
                    label,
                    "states",
                    f"{iso3} has no recorded vote on {item['resolution']!r}: it is "
                    "not a UN member state of that roll call, or the resolution is not in the reference.",
                    "name member states by ISO3 and a resolution of sources/reference/unga_resolutions.csv.",
                )
            statements.append(
                {
                    "statement_id": statement_id,
                    "iso3": iso3,
                    "source_id": article.source_id,
                    "resolution_symbol": item["resolution"],
                    "article_says": item["article_says"],
                    "evidence": span.text,
                    "evidence_start": span.start,
                    "evidence_end": span.end,
                    "event_id": item.get("event"),
                    "review_status": status(item),
                }
            )
    return statements
