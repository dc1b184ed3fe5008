"""Actor rows: the registry's actors with every way the sources write them and the count of their mentions."""

from __future__ import annotations

REGISTRY_ONLY = ("adjectives",)  # fields of the registry that the build uses and does not publish


def actor_rows(actors: dict[str, dict], mentions: list[dict]) -> list[dict]:
    """Actor rows with every way the sources write them and the count of their mentions."""
    texts: dict[str, list[str]] = {}
    for mention in mentions:  # grouped once: one pass over the mentions, not one per actor
        texts.setdefault(mention["actor_id"], []).append(mention["text"])
    rows = []
    for actor_id, actor in actors.items():
        own = texts.get(actor_id, [])
        published = {key: value for key, value in actor.items() if key not in REGISTRY_ONLY}
        rows.append(
            {**published, "names_in_sources": " | ".join(dict.fromkeys(own)) or None, "mention_count": len(own)}
        )
    return sorted(rows, key=lambda row: row["actor_id"])
