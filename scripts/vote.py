"""Votes: each member state's recorded vote on a UN General Assembly resolution, with what the articles say of it."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from .article import Article
from .errors import ReferenceMismatch, UnknownCode
from .evidence import locate
from .inputs import read_csv
from .vocabulary import check_iso3
from .review import status

VOTE_VALUES = ("yes", "no", "abstain", "non_voting")
GENERAL_ASSEMBLY = "un-general-assembly"
UN_MEMBER_STATES = 193


def load_roll_calls(root: Path) -> list[dict]:
    """One row per state and resolution from the reference roll calls, checked against the official tallies."""
    folder = root / "sources" / "reference"
    rows = []
    for resolution in read_csv(folder / "unga_resolutions.csv"):
        path = folder / resolution["roll_call_file"]
        calls = read_csv(path)
        seen: set[str] = set()
        for call in calls:
            label = f"{resolution['symbol']} ({call['iso3']})"
            check_iso3(call["iso3"], file=path, item=label, field="iso3")
            if call["vote"] not in VOTE_VALUES:
                raise UnknownCode(path, label, "vote", f"{call['vote']!r} is not a vote value.",
                                  f"use one of {', '.join(VOTE_VALUES)}.")
            if call["iso3"] in seen:
                raise ReferenceMismatch(path, label, "iso3", "the state is listed twice.", "keep one row per state.")
            seen.add(call["iso3"])
        check_tally(resolution, calls, path)
        rows += [{"resolution": resolution, "call": call} for call in calls]
    return rows


def check_tally(resolution: dict, calls: list[dict], path: Path) -> None:
    """The roll call must add up to the official totals and cover every member state."""
    counted = Counter(call["vote"] for call in calls)
    expected = {value: int(resolution[value]) for value in VOTE_VALUES}
    if len(calls) != UN_MEMBER_STATES or any(counted[v] != expected[v] for v in VOTE_VALUES):
        found = ", ".join(f"{counted[v]} {v}" for v in VOTE_VALUES)
        want = ", ".join(f"{expected[v]} {v}" for v in VOTE_VALUES)
        raise ReferenceMismatch(path, resolution["symbol"], "vote",
                                f"expected {UN_MEMBER_STATES} states ({want}), found {len(calls)} ({found}).",
                                "correct the roll call from the official record (UN Digital Library), citing it.")


def stage_votes(roll_calls: list[dict], sources: list[tuple[Article, dict, Path]], actors: dict) -> list[dict]:
    """The roll-call rows, marked where an article speaks of a state's vote."""
    said: dict[tuple[str, str], dict] = {}
    known = {(r["resolution"]["symbol"], r["call"]["iso3"]) for r in roll_calls}
    for article, annotations, file in sources:
        for index, item in enumerate(annotations.get("votes", [])):
            label = f"votes[{index}] ({item['resolution']})"
            span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
            for iso3 in item["states"]:
                if (item["resolution"], iso3) not in known:
                    raise UnknownCode(file, label, "states", f"no recorded vote of {iso3!r} on {item['resolution']!r}.",
                                      "use a resolution of sources/reference/unga_resolutions.csv and ISO3 codes of its roll call.")
                said[(item["resolution"], iso3)] = {"article": article, "item": item, "span": span}
    state_actors = {a["iso3"]: a["actor_id"] for a in actors.values() if a["kind"] == "state"}
    rows = []
    for record in roll_calls:
        resolution, call = record["resolution"], record["call"]
        mention = said.get((resolution["symbol"], call["iso3"]))
        rows.append({
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
            "in_article": mention is not None,
            "article_says": mention["item"]["article_says"] if mention else None,
            "source_id": mention["article"].source_id if mention else None,
            "evidence": mention["span"].text if mention else None,
            "evidence_start": mention["span"].start if mention else None,
            "evidence_end": mention["span"].end if mention else None,
            "event_id": mention["item"].get("event") if mention else None,
            "review_status": status(mention["item"]) if mention else "reference",
        })
    return sorted(rows, key=lambda row: (row["resolution_symbol"], row["iso3"]))
