"""Actor rows: the registry's actors with every way the sources write them and the count of their mentions."""

from __future__ import annotations


def actor_rows(actors: dict[str, dict], mentions: list[dict]) -> list[dict]:
    """Actor rows with every way the sources write them and the count of their mentions."""
    rows = []
    for actor_id, actor in actors.items():
        own = [m["text"] for m in mentions if m["actor_id"] == actor_id]
        rows.append({**actor, "names_in_sources": " | ".join(dict.fromkeys(own)) or None, "mention_count": len(own)})
    return sorted(rows, key=lambda row: row["actor_id"])
