"""Events and their reports. An event is a happening; a report is one source's account of it (its evidence, and the
date and status as that source gives them). An event item of the annotations defines an event and is its first
report; an item with `same_as: <event id>` is one more report of that event, of this or another article."""

from __future__ import annotations

from pathlib import Path

from ..core.dates import check_dated_item
from ..core.errors import AnnotationFormatError, CodeMismatch, DuplicateEvidence, EvidenceNotFound
from ..core.evidence import locate
from ..load.actors import require_actor
from ..load.article import Article
from ..load.review import status
from ..load.vocabulary import Vocabularies


def stage_events(
    article: Article,
    annotations: dict,
    actors: dict,
    vocab: Vocabularies,
    file: Path,
    mentioned: frozenset[str] | None = None,
) -> dict[str, list[dict]]:
    """The rows of the tables events, event_actors and reports: the events this article defines, each defining
    event's actors (one row per actor and role), and one report per event item (the defining ones included).
    `mentioned`: the actors the article's mentions name (a place the article states must be one of them; None: not
    checked)."""
    events, links, reports = [], [], []
    for item in annotations.get("events", []):
        label = f"events (id: {item['id']})"
        report = stage_report(item, article, file, label)
        reports.append(report)
        if not item.get("same_as"):
            rows = stage_event_actors(item)
            links += rows
            events.append({**stage_event(item, report, actors, vocab, file, label, mentioned), **actor_columns(rows)})
    check_distinct_evidence(reports, file)
    return {"events": events, "event_actors": links, "reports": reports}


ROLES = (("source", "source_actor"), ("target", "target_actor"), ("other", "other_actors"), ("place", "place"))


def stage_event_actors(item: dict) -> list[dict]:
    """The link rows of an event item: one per actor and role (source, target, each other actor, place), in the
    order the annotations give them. The event row's actor columns are generated from these rows."""
    rows = []
    for role, key in ROLES:
        value = item.get(key)
        ids = value if isinstance(value, list) else [value] if value else []
        rows += [
            {"event_id": item["id"], "actor_id": actor_id, "role": role, "position": position}
            for position, actor_id in enumerate(ids, 1)
        ]
    return rows


def actor_columns(links: list[dict]) -> dict:
    """The events row's actor columns, generated from its event_actors rows (other_actor_ids: ';'-separated)."""
    ids = {role: [row["actor_id"] for row in links if row["role"] == role] for role, _ in ROLES}
    return {
        "source_actor_id": next(iter(ids["source"]), None),
        "target_actor_id": next(iter(ids["target"]), None),
        "other_actor_ids": ";".join(ids["other"]) or None,
        "place_actor_id": next(iter(ids["place"]), None),
    }


def stage_report(item: dict, article: Article, file: Path, label: str) -> dict:
    """One source's account of a happening: evidence located, date checked against the article."""
    span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
    date = check_dated_item(item, article.published, file=file, label=label)
    if item.get("date_expression") and item["date_expression"] not in article.text:
        raise EvidenceNotFound(
            file,
            label,
            "date_expression",
            f"{item['date_expression']!r} is not in the article.",
            "quote the article's own words for the date, or leave date_expression out.",
        )
    return {
        "report_id": item["id"],
        "event_id": item.get("same_as") or item["id"],
        "source_id": article.source_id,
        "defines_event": not item.get("same_as"),
        "status": item["status"],
        "date": date,
        "date_precision": item.get("date_precision"),
        "date_qualifier": item.get("date_qualifier") or ("on" if date else None),
        "date_expression": item.get("date_expression"),
        "date_basis": item["date_basis"],
        "evidence": span.text,
        "evidence_start": span.start,
        "evidence_end": span.end,
        "link_reason": item.get("same_as_reason"),
        "review_status": status(item),
    }


def check_distinct_evidence(reports: list[dict], file: Path) -> None:
    """Two reports of one article may not claim the same words: one passage is one account."""
    seen: dict[tuple[int, int], str] = {}
    for report in reports:
        span = (report["evidence_start"], report["evidence_end"])
        if span in seen:
            raise DuplicateEvidence(
                file,
                f"events (id: {report['report_id']})",
                "evidence",
                f"the same words ({span[0]}–{span[1]}) are the evidence of {seen[span]!r} too.",
                "cite the passage once: keep one item, or cite the words that differ.",
            )
        seen[span] = report["report_id"]


def stage_event(
    item: dict,
    report: dict,
    actors: dict,
    vocab: Vocabularies,
    file: Path,
    label: str,
    mentioned: frozenset[str] | None = None,
) -> dict:
    """The event row an item defines: its defining report's account, with codes, actors and place checked."""
    check_actors(item, actors, file, label)
    place = check_place(item, actors, file, label, mentioned)
    cameo, plover = check_codes(item, vocab, file, label)
    return {
        "event_id": item["id"],
        "source_id": report["source_id"],
        "summary": item["summary"],
        **{
            field: report[field]
            for field in ("status", "date", "date_precision", "date_qualifier", "date_expression", "date_basis")
        },
        "source_actor_id": item.get("source_actor"),
        "target_actor_id": item.get("target_actor"),
        "other_actor_ids": ";".join(item.get("other_actors", [])) or None,
        "place_actor_id": item.get("place"),
        "place_name": place["name"] if place else None,
        "geonames_id": place["geonames_id"] if place else None,
        "latitude": place["latitude"] if place else None,
        "longitude": place["longitude"] if place else None,
        "place_basis": item.get("place_basis"),
        "place_note": item.get("place_note"),
        "cameo_code": cameo,
        "cameo_label": vocab.cameo_label(cameo, file=file, item=label) if cameo else None,
        "plover_type": plover,
        "plover_exception": item.get("plover_exception"),
        "coding_note": item.get("coding_note"),
        "evidence": report["evidence"],
        "evidence_start": report["evidence_start"],
        "evidence_end": report["evidence_end"],
        "notes": item.get("notes"),
        "report_count": 1,  # counted across articles by scripts/link/event.py
        "source_count": 1,
        "review_status": report["review_status"],
    }


def check_codes(item: dict, vocab: Vocabularies, file: Path, label: str) -> tuple[str | None, str | None]:
    """The item's CAMEO code and PLOVER type, each in its vocabulary. PLOVER left out is derived from the CAMEO code
    by PLOVER's own mapping; given, it must agree with it or state why not (`plover_exception`). A planned happening
    is coded as the intent the source reports (CAMEO 03x, e.g. 036 express intent to meet or negotiate), never as the
    happening itself. The conventions bind reviewed items; drafts are checked when a curator marks them reviewed."""
    cameo = item.get("cameo")
    if cameo is not None:
        vocab.cameo_label(cameo, file=file, item=label)
    plover = item["plover"] if "plover" in item else vocab.plover_of.get(cameo) if cameo else None
    if plover is not None:
        vocab.check_plover(plover, file=file, item=label)
    if (cameo is None or plover is None) and not item.get("coding_note"):
        raise AnnotationFormatError(
            file,
            label,
            "coding_note",
            "an event without a CAMEO code or PLOVER type needs a reason.",
            "add a coding_note saying why no category applies.",
        )
    if status(item) == "reviewed":
        vocab.check_plover_mapping(cameo, plover, item.get("plover_exception"), file=file, item=label)
        check_planned(item, cameo, file, label)
    return cameo, plover


INTENT = "03"  # the CAMEO root of "express intent to ..." codes


def check_planned(item: dict, cameo: str | None, file: Path, label: str) -> None:
    """The package's convention for what a source reports as future ("he will meet", "before leaving"): an expressed
    intent (CAMEO 03x, PLOVER AGREE), dated to the planned day; never the meeting or visit itself (04x)."""
    if item["status"] == "planned" and cameo is not None and not cameo.startswith(INTENT):
        raise CodeMismatch(
            file,
            label,
            "cameo",
            f"a planned happening is coded {cameo}, the happening itself; the source reports an intent.",
            'code what the source reports: cameo "036" (express intent to meet or negotiate, PLOVER '
            "AGREE) for an announced meeting or visit, or another 03x code; status: happened only once "
            "a source reports that it took place.",
        )


def check_actors(item: dict, actors: dict, file: Path, label: str) -> None:
    for field in ("source_actor", "target_actor", "place"):
        require_actor(actors, item.get(field), file=file, item=label, field=field)
    for other in item.get("other_actors", []):
        require_actor(actors, other, file=file, item=label, field="other_actors")


def check_place(
    item: dict, actors: dict, file: Path, label: str, mentioned: frozenset[str] | None = None
) -> dict | None:
    """The event's place: a city with a GeoNames id, with its basis. A place the article states is one it mentions;
    an implied place says in `place_note` what implies it."""
    place = actors[item["place"]] if item.get("place") else None
    if place and (place["kind"] != "city" or place["geonames_id"] is None):
        raise AnnotationFormatError(
            file,
            label,
            "place",
            f"{item['place']!r} is not a place with a GeoNames id.",
            "name an actor of kind city whose reference row has a GeoNames id.",
        )
    if bool(place) != bool(item.get("place_basis")):
        raise AnnotationFormatError(
            file,
            label,
            "place_basis",
            "a place needs its basis (stated or implied) and vice versa.",
            "give both `place` and `place_basis`, or neither.",
        )
    if item.get("place_basis") == "implied" and not item.get("place_note"):
        raise AnnotationFormatError(
            file,
            label,
            "place_note",
            f"place_basis: implied gives no basis for placing the event in {place['name']}.",
            "say in place_note what implies the place (e.g. the visit to Astana that day), "
            "or give place_basis: stated if the article names it.",
        )
    if item.get("place_basis") == "stated" and mentioned is not None and item["place"] not in mentioned:
        raise AnnotationFormatError(
            file,
            label,
            "place_basis",
            f"place_basis: stated, but the article's mentions never name {place['name']}.",
            f"add the article's name for it to mentions.{item['place']}, or give "
            "place_basis: implied with a place_note.",
        )
    if item.get("place_note") and not place:
        raise AnnotationFormatError(
            file,
            label,
            "place_note",
            "a place_note without a place.",
            "give the place and its basis, or remove place_note.",
        )
    return place
