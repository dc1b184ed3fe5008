"""Mentions: every place where an article names an actor with one of the names its annotations give."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import AnnotationFormatError, EvidenceNotFound
from ..load.actors import require_actor
from ..load.article import Article


def stage_mentions(
    article: Article, names: dict[str, list[str]], actors: dict, file: Path, drafted: frozenset[str] = frozenset()
) -> list[dict]:
    """Every whole-word occurrence of every curated name; a name inside a longer name of the same actor is dropped."""
    owner: dict[str, str] = {}
    found: list[tuple[int, int, str]] = []
    for actor_id, aliases in names.items():
        require_actor(actors, actor_id, file=file, item=f"mentions.{actor_id}", field="actor id")
        for alias in aliases:
            if alias in owner:
                raise AnnotationFormatError(
                    file,
                    f"mentions.{actor_id}",
                    alias,
                    f"the name is also given to {owner[alias]!r}.",
                    "give each name to one actor (use a longer name to tell them apart).",
                )
            owner[alias] = actor_id
            spans = [
                (m.start(), m.end(), actor_id) for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", article.text)
            ]
            if not spans:
                raise EvidenceNotFound(
                    file,
                    f"mentions.{actor_id}",
                    alias,
                    f"{alias!r} is not in the article as a whole word.",
                    "copy the name exactly as the article writes it, or remove it.",
                )
            found += spans
    kept = [
        (s, e, a)
        for s, e, a in found
        if not any(a2 == a and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, a2 in found)
    ]
    return [
        {
            "mention_id": f"{article.source_id}:{s}-{e}",
            "source_id": article.source_id,
            "actor_id": a,
            "text": article.text[s:e],
            "text_start": s,
            "text_end": e,
            "sentence_index": article.sentence_at(s).index,
            "review_status": "drafted" if article.text[s:e] in drafted else "reviewed",
        }
        for s, e, a in sorted(kept)
    ]
