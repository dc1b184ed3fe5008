"""Mentions: every place where an article names an actor with one of the names its annotations give."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import AnnotationFormatError, EvidenceNotFound
from ..core.evidence import is_grapheme_boundary
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
                (start, end, actor_id)
                for start, end in whole_word_matches(article.text, alias)
                if is_grapheme_boundary(article.text, start) and is_grapheme_boundary(article.text, end)
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
    kept = outermost(found)
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


def is_word(char: str) -> bool:
    """A character of a word, as the regular expression \\w has it (letters, digits, the underscore)."""
    return char.isalnum() or char == "_"


def whole_word_matches(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of name not inside a longer word, left to right and not overlapping (what
    re.finditer(r"(?<!\\w)NAME(?!\\w)") finds, by str.find: several times faster on a long article)."""
    found, at = [], text.find(name)
    while at != -1:
        end = at + len(name)
        if (at == 0 or not is_word(text[at - 1])) and (end == len(text) or not is_word(text[end])):
            found.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return found


def outermost(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans not inside a longer span of the same actor. One sweep per actor, sorted by start and longest first:
    a span lies inside a longer one exactly when an earlier span reaches as far (linear after sorting, where
    comparing every pair was quadratic in the number of mentions)."""
    by_actor: dict[str, set[tuple[int, int]]] = {}
    for start, end, actor in found:
        by_actor.setdefault(actor, set()).add((start, end))
    kept = []
    for actor, spans in by_actor.items():
        reach = -1
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if end > reach:
                kept.append((start, end, actor))
                reach = end
    return kept
