"""Events: the happenings an article reports, coded with CAMEO and PLOVER, dated, placed, with their evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.dates import check_dated_item
from ..core.errors import AnnotationFormatError, EvidenceNotFound
from ..core.evidence import locate
from ..load.actors import require_actor
from ..load.article import Article
from ..load.review import status
from ..load.vocabulary import Vocabularies


def stage_events(article: Article, annotations: dict, actors: dict, vocab: Vocabularies, file: Path) -> list[dict]:
    """One row per annotated event, checked against the article, the actors and the vocabularies."""
    published = article.published
    return [stage_event(item, article, actors, vocab, published, file) for item in annotations.get("events", [])]


def stage_event(
    item: dict, article: Article, actors: dict, vocab: Vocabularies, published: dt.date, file: Path
) -> dict:
    label = f"events (id: {item['id']})"
    span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
    date = check_dated_item(item, published, file=file, label=label)
    if item.get("date_expression") and item["date_expression"] not in article.text:
        raise EvidenceNotFound(
            file,
            label,
            "date_expression",
            f"{item['date_expression']!r} is not in the article.",
            "quote the article's own words for the date, or leave date_expression out.",
        )
    for field in ("source_actor", "target_actor", "place"):
        require_actor(actors, item.get(field), file=file, item=label, field=field)
    others = item.get("other_actors", [])
    for other in others:
        require_actor(actors, other, file=file, item=label, field="other_actors")
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
    cameo, plover = item.get("cameo"), item.get("plover")
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
    return {
        "event_id": item["id"],
        "source_id": article.source_id,
        "summary": item["summary"],
        "status": item["status"],
        "date": date,
        "date_precision": item.get("date_precision"),
        "date_qualifier": item.get("date_qualifier") or ("on" if date else None),
        "date_expression": item.get("date_expression"),
        "date_basis": item["date_basis"],
        "source_actor_id": item.get("source_actor"),
        "target_actor_id": item.get("target_actor"),
        "other_actor_ids": ";".join(others) or None,
        "place_actor_id": item.get("place"),
        "place_name": place["name"] if place else None,
        "geonames_id": place["geonames_id"] if place else None,
        "latitude": place["latitude"] if place else None,
        "longitude": place["longitude"] if place else None,
        "place_basis": item.get("place_basis"),
        "cameo_code": cameo,
        "cameo_label": vocab.cameo_label(cameo, file=file, item=label) if cameo else None,
        "plover_type": plover,
        "coding_note": item.get("coding_note"),
        "evidence": span.text,
        "evidence_start": span.start,
        "evidence_end": span.end,
        "notes": item.get("notes"),
        "review_status": status(item),
    }
