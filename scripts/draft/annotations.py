"""The draft in the build's own annotation format (schemas/input/annotations.schema.json), every item marked
`review: drafted`, so that a curator corrects it instead of typing it."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

import yaml

from ..core.evidence import find_all
from ..core.sentences import split_sentences
from .dating import dating
from .spans import Sentences, Taken

HEADER = """\
# Machine-drafted annotations (python -m scripts.draft). Every item says `review: drafted`.
# Review loop: check each item against the article, correct it, then set `review: reviewed` (or delete the item).
# Names under `drafted_mentions` move to `mentions` once checked; `unlinked` lists what the drafter found but could
# not link to an actor of sources/actors.yaml (add the actor first; a person's role as the article gives it follows
# the name in brackets). `make build` refuses drafted items; `python -m scripts.build --allow-drafts` publishes them
# with review_status = drafted. A date the drafter was unsure of is left out, and its date_basis says why.
"""
PREFIX = 24  # characters of the source id that prefix the drafted ids (unique across articles)


@functools.lru_cache(maxsize=4096)
def starts_of(text: str, needle: str) -> tuple[int, ...]:
    """Where the needle occurs (cached: the same evidence is cited by several items)."""
    return tuple(find_all(text, needle))


def occurrence_of(text: str, needle: str, start: int) -> int | None:
    """The `occurrence:` an annotation needs for the needle at start (None when it is unique)."""
    starts = starts_of(text, needle)
    return None if len(starts) == 1 else bisect.bisect_left(starts, start) + 1


def slug(words: str, size: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:size].strip("-") or "item"


def id_prefix(source_id: str | None) -> str:
    """The start of every drafted id: a short slug of the article's source id, so that the drafts of two articles
    can be built together ("draft" when no id is given)."""
    return slug(source_id, PREFIX) if source_id else "draft"


def with_occurrence(item: dict, text: str, field: str, start: int, key: str = "occurrence") -> dict:
    occurrence = occurrence_of(text, item[field], start)
    if occurrence:
        item[key] = occurrence
    return item


def to_annotations(draft: dict, text: str, source_id: str | None = None) -> dict:
    """The draft as annotations: mentions, events, quotes, then the sections that have items (drafted mentions,
    borders, notes on the sentences nothing covers, and what could not be linked). Ids start with a slug of
    `source_id`."""
    sentences = Sentences(split_sentences(text))
    prefix = id_prefix(source_id)
    published = dt.date.fromisoformat(draft["published"]) if draft.get("published") else None
    drafted_mentions, unlinked = mention_sections(draft["mentions"])
    events, event_spans = event_section(draft["events"], text, prefix, published)
    quotes, attributions = quote_section(draft["quotes"], text, prefix)
    borders, border_sentences = border_section(draft["amounts"], sentences, text)
    covered = event_spans + attributions + border_sentences
    notes: dict = {"mentions": {}, "events": events, "quotes": quotes}
    optional = {
        "drafted_mentions": drafted_mentions,
        "borders": borders,
        "sentence_notes": sentence_note_section(sentences, covered, text),
        "unlinked": unlinked + vote_entries(draft["votes"]),
    }
    notes.update((section, items) for section, items in optional.items() if items)
    return notes


def mention_sections(mentions: list[dict]) -> tuple[dict[str, list[str]], list[dict]]:
    """The names written for each linked actor (`drafted_mentions`), and the people, organisations and countries
    that link to no actor (`unlinked`), each once."""
    drafted_mentions: dict[str, list[str]] = {}
    unlinked = []
    for mention in mentions:
        if mention.get("id"):
            names = drafted_mentions.setdefault(mention["id"], [])
            if mention["text"] not in names:
                names.append(mention["text"])
        elif mention["kind"] in ("person", "organisation", "country"):
            written = mention.get("name") or mention["text"] if mention["kind"] == "person" else mention["text"]
            if mention.get("role"):
                written = f"{written} ({mention['role']})"
            if any(e["text"].split(" (")[0] == written.split(" (")[0] and e["kind"] == "person" for e in unlinked):
                continue
            entry = {"text": written, "kind": mention["kind"]}
            if mention.get("iso3"):
                entry["iso3"] = mention["iso3"]
            if entry not in unlinked:
                unlinked.append(entry)
    return drafted_mentions, unlinked


def event_section(
    events: list[dict], text: str, prefix: str, published: dt.date | None
) -> tuple[list[dict], list[tuple[int, int]]]:
    """One drafted event per candidate event, and the spans of their evidence."""
    items = [event_item(number, event, text, prefix, published) for number, event in enumerate(events, 1)]
    return items, [(event["start"], event["end"]) for event in events]


def event_item(number: int, event: dict, text: str, prefix: str, published: dt.date | None) -> dict:
    """A drafted event, its date checked as the build will check it (scripts/draft/dating.py)."""
    status, dated = dating(event, event["status"], published)
    item = {
        "id": f"{prefix}-e{number}-{slug(event['verb'], 30)}",
        "summary": f"{event.get('source') or 'An actor'}: {event['label'].lower()}"
        + (f" ({event['target']})." if event.get("target") else "."),
        "evidence": event["evidence"],
    }
    with_occurrence(item, text, "evidence", event["start"])
    item.update(
        {
            "status": status,
            **dated,
            "source_actor": event.get("source_id"),
            "target_actor": event.get("target_id") if event.get("target_id") != event.get("source_id") else None,
            "cameo": event["cameo"],
            "plover": event.get("plover"),
            "coding_note": f"machine draft: {event.get('frame', 'verb')} {event['verb']!r} ({event['label']}), "
            "sources/lexicon/event_verbs.csv",
            "review": "drafted",
        }
    )
    return item


def quote_section(quotes: list[dict], text: str, prefix: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """One drafted quote per quotation, and the spans of their attributions."""
    items, attributions = [], []
    for number, quote in enumerate(quotes, 1):
        attribution = attribution_span(text, quote)
        items.append(quote_item(f"{prefix}-q{number}", quote, attribution, text))
        attributions.append(attribution)
    return items, attributions


def quote_item(ident: str, quote: dict, attribution: tuple[int, int], text: str) -> dict:
    """A drafted quotation; a speaker that is not in the actor registry is named in a note for the reviewer."""
    item = {"id": ident, "kind": "scare" if quote["kind"] == "scare" else "direct"}
    if quote["kind"] != "scare":
        item["completeness"] = quote["kind"]
    item["text"] = quote["text"]
    item = with_occurrence(item, text, "text", quote["start"])
    item["attribution"] = text[attribution[0] : attribution[1]]
    with_occurrence(item, text, "attribution", attribution[0], "attribution_occurrence")
    if quote["kind"] != "scare":
        item["speaker"] = quote.get("speaker_id")
        if quote.get("speaker_start") is not None:
            item["speaker_as_written"] = text[quote["speaker_start"] : quote["speaker_end"]]
        if quote.get("verb") and quote["verb"] in item["attribution"]:
            item["verb"] = quote["verb"]
        if quote.get("addressee") and quote["addressee"] in item["attribution"] and not quote.get("addressee_id"):
            item["addressee_as_written"] = quote["addressee"]
        if quote.get("speaker") and not quote.get("speaker_id"):
            role = f" ({quote['speaker_role']})" if quote.get("speaker_role") else ""
            item["notes"] = (
                f"machine draft: the speaker {quote['speaker']}{role} is not in sources/actors.yaml; add "
                "the actor (see unlinked), then set speaker"
            )
    item["date_basis"] = "machine draft: not dated"
    item["review"] = "drafted"
    return item


def border_section(amounts: list[dict], sentences: Sentences, text: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """A drafted border for each whole length in km of the border between two countries (the build's length_km is a
    whole number, as the article writes it), and the spans of their sentences."""
    borders, spans = [], []
    for amount in amounts:
        if (
            amount.get("measures") == "border length"
            and len(amount.get("countries", [])) == 2
            and amount["unit"] == "km"
            and float(amount["value"]).is_integer()
        ):
            sentence = sentences.of(amount["start"])
            item = {
                "countries": amount["countries"],
                "length_km": int(amount["value"]),
                "as_written": amount["text"],
                "evidence": sentence.text,
            }
            with_occurrence(item, text, "evidence", sentence.start)
            item["review"] = "drafted"
            borders.append(item)
            spans.append((sentence.start, sentence.end))
    return borders, spans


def sentence_note_section(sentences: Sentences, covered: list[tuple[int, int]], text: str) -> list[dict]:
    """A note for every sentence that no event, quotation or border covers."""
    notes = []
    claimed = Taken(len(text))
    for start, end in covered:
        claimed.add(start, end)
    for sentence in sentences:
        if claimed.free(sentence.start, sentence.end):
            item = {"evidence": sentence.text}
            with_occurrence(item, text, "evidence", sentence.start)
            item["reason"] = "machine draft: no event, quotation or border found in this sentence"
            item["review"] = "drafted"
            notes.append(item)
    return notes


def vote_entries(votes: list[dict]) -> list[dict]:
    """The votes found, as `unlinked` entries: the drafter links no vote to its resolution."""
    return [
        {
            "text": v["text"],
            "kind": "vote",
            "iso3": v["iso3"],
            "vote": v["vote"],
            **({"body": v["body"]} if v.get("body") else {}),
        }
        for v in votes
    ]


def attribution_span(text: str, quote: dict) -> tuple[int, int]:
    """The words that attribute the quotation: from the speaker to the reporting verb, or the quoted text itself."""
    if quote.get("speaker_start") is None:
        return quote["start"], quote["end"]
    start, end = quote["speaker_start"], quote["speaker_end"]
    verb = quote.get("verb")
    if verb:
        window_start, window_end = max(0, start - 160), min(len(text), end + 160)
        hits = [m.start() for m in re.finditer(re.escape(verb), text[window_start:window_end])]
        hits = [window_start + h for h in hits if not (quote["start"] <= window_start + h < quote["end"])]
        if hits:
            at = min(hits, key=lambda h: abs(h - start))
            lo, hi = min(start, at), max(end, at + len(verb))
            if not (lo < quote["start"] < hi):
                return lo, with_addressee(text, quote, lo, hi)
    return start, end


def with_addressee(text: str, quote: dict, start: int, end: int) -> int:
    """The end of the attribution, stretched over the addressee right after the verb ("told reporters")."""
    addressee = quote.get("addressee")
    if not addressee:
        return end
    at = text.find(addressee, end, end + 24 + len(addressee))
    if at == -1 or re.search(r"[“”\"«»\n]", text[end:at]) or start < quote["start"] < at + len(addressee):
        return end
    return at + len(addressee)


def dump_annotations(notes: dict) -> str:
    return HEADER + "\n" + yaml.safe_dump(notes, sort_keys=False, allow_unicode=True, width=120)
