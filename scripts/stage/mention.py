"""Mentions: every place where an article names or describes an actor with the words its annotations give, each with
its kind (name, description, adjective, demonym, ethnonym, language).

The same words may stand for different actors ("Russian" troops of the state, the "Russian" minority of a people,
"Russian" speakers of a language): an entry limited `within` a passage takes the occurrences inside it, and the one
unlimited entry of those words takes the rest. An ethnonym belongs to a people and a language to a language, never to
a state; a state's adjective before a word that names a people or its speakers is refused. Every occurrence of an
adjective the registry gives an actor (sources/actors.yaml `adjectives`) must be a mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import AnnotationFormatError, EvidenceNotFound, MentionKindMismatch, MissingMention
from ..core.evidence import is_grapheme_boundary
from ..load.actors import require_actor
from ..load.article import Article

# Words that open a description rather than a name ("the Central Asian country", "his Kazakh counterpart").
DETERMINERS = frozenset(("the", "this", "these", "that", "those", "his", "her", "its", "their", "our", "a", "an"))
# The kind of actor each kind of mention may name; the kinds not listed may name any actor.
ACTOR_KIND_OF = {"ethnonym": "people", "language": "language"}
STATES = frozenset({"state", "historical_state"})
# Words after an adjective that make it the name of a people or of a language, not of a state.
PEOPLE_NOUNS = {
    **dict.fromkeys(
        (
            "minority",
            "minorities",
            "majority",
            "people",
            "peoples",
            "population",
            "populations",
            "diaspora",
            "community",
            "communities",
            "ethnic",
            "origin",
        ),
        "ethnonym",
    ),
    **dict.fromkeys(("speaker", "speakers", "speaking", "language"), "language"),
}


@dataclass(frozen=True)
class Entry:
    """One name an annotation gives an actor: its words, kind (None: inferred), passage it is limited to."""

    actor_id: str
    text: str
    kind: str | None
    within: str | None
    drafted: bool


def stage_mentions(
    article: Article,
    names: dict[str, list],
    actors: dict,
    file: Path,
    drafted: frozenset[str] = frozenset(),
    complete: bool = True,
) -> list[dict]:
    """Every whole-word occurrence of every curated name, each given to one actor; a name inside a longer name of the
    same actor is dropped. `complete`: every registered adjective in the article must be a mention (reviewed
    articles; a drafted article is checked when it is reviewed)."""
    entries = read_entries(names, actors, file, drafted)
    found = assign(article.text, entries, file)
    rows = [mention_row(article, s, e, entry, actors, file) for s, e, entry in outermost(found)]
    if complete:
        check_adjectives(article.text, rows, actors, file)
    return rows


def read_entries(names: dict[str, list], actors: dict, file: Path, drafted: frozenset[str]) -> list[Entry]:
    """The annotations' names as entries; the same words given to two actors must be limited `within` a passage for
    all but one of them."""
    entries: list[Entry] = []
    for actor_id, aliases in names.items():
        require_actor(actors, actor_id, file=file, item=f"mentions.{actor_id}", field="actor id")
        for alias in aliases:
            if isinstance(alias, str):
                entries.append(Entry(actor_id, alias, None, None, alias in drafted))
            else:
                entries.append(Entry(actor_id, alias["text"], alias.get("kind"), alias.get("within"), False))
    unlimited: dict[str, str] = {}
    for entry in entries:
        if entry.within is None:
            if entry.text in unlimited:
                raise AnnotationFormatError(
                    file,
                    f"mentions.{entry.actor_id}",
                    entry.text,
                    f"the name is also given to {unlimited[entry.text]!r}.",
                    "give each name to one actor, or limit it with `within:` to the passage "
                    "where it names this one (e.g. {text: Russian, within: Russian speakers}).",
                )
            unlimited[entry.text] = entry.actor_id
    return entries


def occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Spans of the whole-word occurrences of `words` in `text` that begin and end on grapheme boundaries."""
    return [
        (start, end)
        for start, end in whole_word_matches(text, words)
        if is_grapheme_boundary(text, start) and is_grapheme_boundary(text, end)
    ]


def outermost(found: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """The spans not inside a longer span of the same actor, in text order. One sweep per actor, sorted by start and
    longest first: a span lies inside a longer one exactly when an earlier span reaches as far (linear after sorting,
    where comparing every pair was quadratic in the number of mentions)."""
    by_actor: dict[str, list[tuple[int, int, Entry]]] = {}
    for start, end, entry in found:
        by_actor.setdefault(entry.actor_id, []).append((start, end, entry))
    kept = []
    for spans in by_actor.values():
        reach = -1
        for start, end, entry in sorted(spans, key=lambda span: (span[0], -span[1])):
            if end > reach:
                kept.append((start, end, entry))
                reach = end
    return sorted(kept, key=lambda span: span[:2])


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


def assign(text: str, entries: list[Entry], file: Path) -> list[tuple[int, int, Entry]]:
    """Each occurrence of each entry's words, given to the entry limited to a passage that holds it, else to the
    unlimited entry of those words."""
    claimed: dict[tuple[int, int], Entry] = {}
    found: list[tuple[int, int, Entry]] = []
    for entry in (e for e in entries if e.within is not None):
        for span in limited_spans(text, entry, file):
            if span in claimed:
                raise AnnotationFormatError(
                    file,
                    f"mentions.{entry.actor_id}",
                    entry.text,
                    f"the occurrence at {span[0]}–{span[1]} is also given to {claimed[span].actor_id!r}.",
                    "limit each entry to a passage that holds only its own occurrences.",
                )
            claimed[span] = entry
            found.append((*span, entry))
    for entry in (e for e in entries if e.within is None):
        spans = [span for span in occurrences(text, entry.text) if span not in claimed]
        if not spans:
            raise EvidenceNotFound(
                file,
                f"mentions.{entry.actor_id}",
                entry.text,
                f"{entry.text!r} is not in the article as a whole word"
                + (" outside the passages other entries are limited to." if occurrences(text, entry.text) else "."),
                "copy the name exactly as the article writes it, or remove it.",
            )
        found += [(*span, entry) for span in spans]
    return found


def limited_spans(text: str, entry: Entry, file: Path) -> list[tuple[int, int]]:
    """The occurrences of an entry's words inside the passages it is limited to."""
    passages = occurrences(text, entry.within)
    spans = [(s, e) for s, e in occurrences(text, entry.text) if any(ps <= s and e <= pe for ps, pe in passages)]
    if not spans:
        raise EvidenceNotFound(
            file,
            f"mentions.{entry.actor_id}",
            "within",
            f"{entry.text!r} is not a whole word inside {entry.within!r}"
            + (" (the passage is not in the article)." if not passages else "."),
            "quote a passage of the article that holds the name, as the article writes it.",
        )
    return spans


def kind_of(entry: Entry, actor: dict) -> str:
    """The stated kind, or the one inferred: a registered adjective, the people's or language's own word, a
    description opening with an article or possessive, else a name."""
    if entry.kind:
        return entry.kind
    if entry.text in actor.get("adjectives", ()):
        return "adjective"
    if actor["kind"] in ACTOR_KIND_OF.values():
        return next(k for k, v in ACTOR_KIND_OF.items() if v == actor["kind"])
    return "description" if entry.text.split()[0].lower() in DETERMINERS else "name"


def mention_row(article: Article, start: int, end: int, entry: Entry, actors: dict, file: Path) -> dict:
    """One mention, its kind checked against the actor it names (drafted names are checked once reviewed)."""
    actor = actors[entry.actor_id]
    kind = kind_of(entry, actor)
    if not entry.drafted:
        check_kind(article.text, start, end, kind, actor, file)
    return {
        "mention_id": f"{article.source_id}:{start}-{end}",
        "source_id": article.source_id,
        "actor_id": entry.actor_id,
        "kind": kind,
        "text": article.text[start:end],
        "text_start": start,
        "text_end": end,
        "sentence_index": article.sentence_at(start).index,
        "review_status": "drafted" if entry.drafted else "reviewed",
    }


def check_kind(text: str, start: int, end: int, kind: str, actor: dict, file: Path) -> None:
    """An ethnonym names a people and a language a language; a state's word (not a description) before a people noun
    ("minority") or a speakers noun ("speakers") is an ethnonym or a language, not the state."""
    item, words = f"mentions.{actor['actor_id']}", text[start:end]
    wanted = ACTOR_KIND_OF.get(kind)
    if wanted and actor["kind"] != wanted:
        raise MentionKindMismatch(
            file,
            item,
            words,
            f"a mention of kind {kind} at {start}–{end} names {actor['actor_id']!r}, an actor of kind {actor['kind']}.",
            f"give it to an actor of kind {wanted} (sources/actors.yaml), limited with within:.",
        )
    following = re.match(r"[\s-]+(\w+)", text[end:])
    noun = following.group(1).lower() if following else ""
    if actor["kind"] in STATES and kind != "description" and noun in PEOPLE_NOUNS:
        role = PEOPLE_NOUNS[noun]
        raise MentionKindMismatch(
            file,
            item,
            words,
            f"“{words} {noun}” at {start}: before “{noun}”, {words!r} names a "
            f"{'people' if role == 'ethnonym' else 'language'}, not the state "
            f"{actor['actor_id']!r}.",
            f"give this occurrence to an actor of kind {ACTOR_KIND_OF[role]} as "
            f"{{text: {words}, kind: {role}, within: {words} {noun}}}.",
        )


def check_adjectives(text: str, rows: list[dict], actors: dict, file: Path) -> None:
    """Every occurrence of a registered adjective is a mention of its actor (or inside one), or the ethnonym or
    language of a people or language actor at that very place."""
    spans = [(row["text_start"], row["text_end"], row["actor_id"]) for row in rows]
    for actor_id, actor in actors.items():
        for adjective in actor.get("adjectives", ()):
            for start, end in occurrences(text, adjective):
                if not any(covers(span, start, end, actor_id, actors) for span in spans):
                    context = text[max(0, start - 30) : end + 30]
                    raise MissingMention(
                        file,
                        f"mentions.{actor_id}",
                        adjective,
                        f"{adjective!r} at {start}–{end} (“…{context}…”) is no mention.",
                        f"add {adjective} to mentions.{actor_id} (an adjective of the actor), or, "
                        "where it names a people or a language, give it to that actor with within:.",
                    )


def covers(span: tuple[int, int, str], start: int, end: int, actor_id: str, actors: dict) -> bool:
    """A mention accounts for an adjective occurrence: the same actor's mention holds it, or a people or language
    actor's mention is exactly it."""
    s, e, other = span
    if other == actor_id:
        return s <= start and end <= e
    return (s, e) == (start, end) and actors[other]["kind"] in ACTOR_KIND_OF.values()
