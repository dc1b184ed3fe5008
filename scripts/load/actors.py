"""Actors: the curated registry (sources/actors.yaml) joined with the identifiers of the reference entities."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import AnnotationFormatError, DuplicateId, UnknownActor
from ..core.repo import ACTORS, REFERENCE
from .inputs import load_yaml, read_csv
from .vocabulary import Vocabularies, check_iso3

# Fields that an actor with `entity:` takes from sources/reference/entities.csv.
FROM_ENTITY = ("iso3", "role")


def load_actors(root: Path, vocab: Vocabularies) -> dict[str, dict]:
    """Actors of sources/actors.yaml, with identifiers from the reference entities they name."""
    path = root / ACTORS
    entities = {row["name"]: row for row in read_csv(root / REFERENCE / "entities.csv")}
    actors: dict[str, dict] = {}
    for item in load_yaml(path, "actors", root)["actors"]:
        ident = item["id"]
        label = f"actors (id: {ident})"
        if ident in actors:
            raise DuplicateId(path, label, "id", f"the id {ident!r} is defined twice.", "give each actor its own id.")
        entity = resolve_entity(item, entities, path, label)
        if item.get("cameo_code"):
            vocab.check_cameo_actor(item["cameo_code"], file=path, item=label)
        iso3 = entity.get("iso3") or item.get("iso3")
        if iso3:
            check_iso3(iso3, file=path, item=label, field="iso3")
        actors[ident] = {
            "actor_id": ident,
            "name": item["name"],
            "kind": item["kind"],
            "wikidata_qid": entity.get("wikidata_qid") or None,
            "qid_note": entity.get("notes") or "No Wikidata id: none was confirmed by a cited source.",
            "iso3": iso3 or None,
            "role": entity.get("role_2023") or item.get("role"),
            "cameo_code": item.get("cameo_code"),
            "geonames_id": int(entity["geonames_id"]) if entity.get("geonames_id") else None,
            "latitude": float(entity["lat"]) if entity.get("lat") else None,
            "longitude": float(entity["lon"]) if entity.get("lon") else None,
            "names_in_sources": None,
            "mention_count": 0,
            "reference": f"sources/reference/entities.csv: {item['entity']}" if item.get("entity") else None,
            "notes": item.get("notes"),
        }
    return actors


def resolve_entity(item: dict, entities: dict[str, dict], path: Path, label: str) -> dict:
    if "entity" not in item:
        return {}
    if item["entity"] not in entities:
        raise UnknownActor(
            path,
            label,
            "entity",
            f"no row named {item['entity']!r} in sources/reference/entities.csv.",
            "use the name exactly as in entities.csv, or drop `entity:` and give the fields here.",
        )
    for field in FROM_ENTITY:
        if field in item:
            raise AnnotationFormatError(
                path,
                label,
                field,
                "this field comes from sources/reference/entities.csv.",
                "remove it here (one source of truth), or correct entities.csv with a citation.",
            )
    return entities[item["entity"]]


def require_actor(actors: dict, ident: str | None, *, file: object, item: str, field: str) -> str | None:
    """An actor id that exists (or None)."""
    if ident is not None and ident not in actors:
        raise UnknownActor(
            file,
            item,
            field,
            f"no actor with id {ident!r}.",
            "use an id of sources/actors.yaml, or add the actor there.",
        )
    return ident
