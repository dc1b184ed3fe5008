"""One happening, many reports: reports linked to the events they name, counted on each event; where a report's
date or status differs from the event's, a claim shows the disagreement with both evidences; quotations linked as
the same words checked to be the same words."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from ..core.errors import InvalidLink, UnknownEvent

COMPARED = (("date", "date"), ("date_precision", "date"), ("status", "characterisation"))


def link_reports(events: list[dict], reports: list[dict], files: dict[str, Path]) -> list[dict]:
    """The events with their report and source counts; every `same_as` checked (an event exists, dates agree or a
    reason says why they may differ)."""
    by_id = {event["event_id"]: event for event in events}
    defining = {report["report_id"] for report in reports if report["defines_event"]}
    accounts: dict[str, list[dict]] = defaultdict(list)
    for report in reports:
        label = f"events (id: {report['report_id']})"
        if report["event_id"] not in by_id:
            hint = (
                " It is a report linked to another event: name that event."
                if report["event_id"] in {r["report_id"] for r in reports} - defining
                else ""
            )
            raise UnknownEvent(
                files[report["source_id"]],
                label,
                "same_as",
                f"no event with id {report['event_id']!r}.{hint}",
                "use the id of an event item of the annotations (one without same_as).",
            )
        event = by_id[report["event_id"]]
        if not report["defines_event"] and differs(report, event, "date") and not report["link_reason"]:
            raise InvalidLink(
                files[report["source_id"]],
                label,
                "same_as_reason",
                f"this report dates the happening {report['date']} ({report['date_precision']}), the event "
                f"{event['event_id']!r} {event['date']} ({event['date_precision']}).",
                "say why they are the same happening in same_as_reason, or make this item an event.",
            )
        accounts[report["event_id"]].append(report)
    return [
        {
            **event,
            "report_count": len(accounts[event["event_id"]]),
            "source_count": len({r["source_id"] for r in accounts[event["event_id"]]}),
        }
        for event in events
    ]


def differs(report: dict, event: dict, field: str) -> bool:
    return report[field] is not None and event[field] is not None and report[field] != event[field]


def disagreement_claims(events: list[dict], reports: list[dict]) -> list[dict]:
    """A claim for every fact on which a linked report differs from the event it reports."""
    by_id = {event["event_id"]: event for event in events}
    claims = []
    for report in reports:
        if report["defines_event"]:
            continue
        event = by_id[report["event_id"]]
        for field, kind in COMPARED:
            if differs(report, event, field):
                claims.append(disagreement(report, event, field, kind))
    return claims


def disagreement(report: dict, event: dict, field: str, kind: str) -> dict:
    return {
        "claim_id": f"{report['report_id']}-{field.replace('_', '-')}-differs",
        "source_id": report["source_id"],
        "kind": kind,
        "evidence": report["evidence"],
        "evidence_start": report["evidence_start"],
        "evidence_end": report["evidence_end"],
        "article_value": str(report[field]),
        "record_value": str(event[field]),
        "record_source": f"{event['source_id']}: “{event['evidence']}” ({event['evidence_start']}–{event['evidence_end']})",
        "record_certainty": "single_source",
        "verdict": "discrepant",
        "rule": "report_agreement",
        "rule_detail": f"two sources report event {event['event_id']}; this one gives {field} {report[field]}, "
        f"{event['source_id']} gives {event[field]}.",
        "actor_id": None,
        "event_id": event["event_id"],
        "border_id": None,
        "resolution_symbol": None,
        "vote_iso3s": None,
        "notes": report["link_reason"],
        "review_status": report["review_status"],
    }


def link_quotes(quotes: list[dict], files: dict[str, Path]) -> None:
    """A quotation linked with same_as names a quotation of another source, and one holds the other's words."""
    by_id = {quote["quote_id"]: quote for quote in quotes}
    for quote in quotes:
        target = quote["same_as_quote_id"]
        if target is None:
            continue
        label = f"quotes (id: {quote['quote_id']})"
        if target not in by_id:
            raise InvalidLink(
                files[quote["source_id"]],
                label,
                "same_as",
                f"no quotation with id {target!r}.",
                "use the id of a quotes item of another article.",
            )
        other = by_id[target]
        if other["source_id"] == quote["source_id"]:
            raise InvalidLink(
                files[quote["source_id"]],
                label,
                "same_as",
                f"{target!r} is in the same article.",
                "link quotations of different articles; within one article annotate each pair of marks.",
            )
        mine, theirs = words(quote["text"]), words(other["text"])
        if mine not in theirs and theirs not in mine:
            raise InvalidLink(
                files[quote["source_id"]],
                label,
                "same_as",
                f"the words differ: “{quote['text'][:80]}” and “{other['text'][:80]}”.",
                "link only quotations of the same words (one may quote part of the other).",
            )


def words(text: str) -> str:
    """The words of a quotation, compared without case, accents, punctuation or spacing."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c))))
