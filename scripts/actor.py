"""Actors: the curated registry joined with reference identifiers, and their mentions in each article."""
from __future__ import annotations

import re
from pathlib import Path

from .article import Article
from .errors import AnnotationFormatError, DuplicateId, EvidenceNotFound, UnknownActor
from .inputs import load_yaml, read_csv
from .vocabulary import Vocabularies, check_iso3

# Fields that an actor with `entity:` takes from sources/reference/entities.csv.
FROM_ENTITY = ("iso3", "role")


def load_actors(root: Path, vocab: Vocabularies) -> dict[str, dict]:
    """Actors of sources/actors.yaml, with identifiers from the reference entities they name."""
    path = root / "sources" / "actors.yaml"
    entities = {row["name"]: row for row in read_csv(root / "sources" / "reference" / "entities.csv")}
    actors: dict[str, dict] = {}
    for item in load_yaml(path, "actors")["actors"]:
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
        raise UnknownActor(path, label, "entity", f"no row named {item['entity']!r} in sources/reference/entities.csv.",
                           "use the name exactly as in entities.csv, or drop `entity:` and give the fields here.")
    for field in FROM_ENTITY:
        if field in item:
            raise AnnotationFormatError(path, label, field, "this field comes from sources/reference/entities.csv.",
                                        "remove it here (one source of truth), or correct entities.csv with a citation.")
    return entities[item["entity"]]


def require_actor(actors: dict, ident: str | None, *, file: object, item: str, field: str) -> str | None:
    """An actor id that exists (or None)."""
    if ident is not None and ident not in actors:
        raise UnknownActor(file, item, field, f"no actor with id {ident!r}.",
                           "use an id of sources/actors.yaml, or add the actor there.")
    return ident


def link_mentions(article: Article, names: dict[str, list[str]], actors: dict, file: Path,
                  drafted: frozenset[str] = frozenset()) -> list[dict]:
    """Every whole-word occurrence of every curated name; a name inside a longer name of the same actor is dropped."""
    owner: dict[str, str] = {}
    found: list[tuple[int, int, str]] = []
    for actor_id, aliases in names.items():
        require_actor(actors, actor_id, file=file, item=f"mentions.{actor_id}", field="actor id")
        for alias in aliases:
            if alias in owner:
                raise AnnotationFormatError(file, f"mentions.{actor_id}", alias,
                                            f"the name is also given to {owner[alias]!r}.",
                                            "give each name to one actor (use a longer name to tell them apart).")
            owner[alias] = actor_id
            spans = [(m.start(), m.end(), actor_id)
                     for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", article.text)]
            if not spans:
                raise EvidenceNotFound(file, f"mentions.{actor_id}", alias,
                                       f"{alias!r} is not in the article as a whole word.",
                                       "copy the name exactly as the article writes it, or remove it.")
            found += spans
    kept = [(s, e, a) for s, e, a in found
            if not any(a2 == a and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, a2 in found)]
    return [{
        "mention_id": f"{article.source_id}:{s}-{e}",
        "source_id": article.source_id,
        "actor_id": a,
        "text": article.text[s:e],
        "text_start": s,
        "text_end": e,
        "sentence_index": article.sentence_at(s).index,
        "review_status": "drafted" if article.text[s:e] in drafted else "reviewed",
    } for s, e, a in sorted(kept)]


def summarise_mentions(actors: dict[str, dict], mentions: list[dict]) -> list[dict]:
    """Actor rows with every way the sources write them and the count of their mentions."""
    rows = []
    for actor_id, actor in actors.items():
        own = [m["text"] for m in mentions if m["actor_id"] == actor_id]
        rows.append({**actor, "names_in_sources": " | ".join(dict.fromkeys(own)) or None, "mention_count": len(own)})
    return sorted(rows, key=lambda row: row["actor_id"])
