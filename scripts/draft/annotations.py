"""The draft in the build's own annotation format (schemas/input/annotations.schema.json), every item marked
`review: drafted`, so that a curator corrects it instead of typing it."""

from __future__ import annotations

import re

import yaml

from ..core.evidence import find_all
from .text import Sentence, sentence_of, split_sentences

HEADER = """\
# Machine-drafted annotations (python -m scripts.draft). Every item says `review: drafted`.
# Review loop: check each item against the article, correct it, then set `review: reviewed` (or delete the item).
# Names under `drafted_mentions` move to `mentions` once checked; `unlinked` lists what the drafter found but could
# not link to an actor of sources/actors.yaml (add the actor first). `make build` refuses drafted items;
# `python -m scripts.build --allow-drafts` publishes them with review_status = drafted.
"""


def occurrence_of(text: str, needle: str, start: int) -> int | None:
    """The `occurrence:` an annotation needs for the needle at start (None when it is unique)."""
    starts = find_all(text, needle)
    return None if len(starts) == 1 else starts.index(start) + 1


def slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:40] or "item"


def with_occurrence(item: dict, text: str, field: str, start: int, key: str = "occurrence") -> dict:
    occurrence = occurrence_of(text, item[field], start)
    if occurrence:
        item[key] = occurrence
    return item


def to_annotations(draft: dict, text: str) -> dict:
    """The draft as annotations: mentions, events, quotes, then the sections that have items (drafted mentions,
    borders, notes on the sentences nothing covers, and what could not be linked)."""
    sentences = split_sentences(text)
    drafted_mentions, unlinked = mention_sections(draft["mentions"])
    events, event_spans = event_section(draft["events"], text)
    quotes, attributions = quote_section(draft["quotes"], text)
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
            entry = {"text": mention["text"], "kind": mention["kind"]}
            if mention.get("iso3"):
                entry["iso3"] = mention["iso3"]
            if entry not in unlinked:
                unlinked.append(entry)
    return drafted_mentions, unlinked


def event_section(events: list[dict], text: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """One drafted event per candidate event, and the spans of their evidence."""
    items = [event_item(number, event, text) for number, event in enumerate(events, 1)]
    return items, [(event["start"], event["end"]) for event in events]


def event_item(number: int, event: dict, text: str) -> dict:
    item = {
        "id": f"draft-e{number}-{slug(event['verb'])}",
        "summary": f"{event.get('source') or 'An actor'}: {event['label'].lower()}"
        + (f" ({event['target']})." if event.get("target") else "."),
        "evidence": event["evidence"],
    }
    with_occurrence(item, text, "evidence", event["start"])
    item.update(
        {
            "status": event["status"],
            "date": event.get("date") if event.get("date_precision") == "day" else None,
            "date_precision": "day" if event.get("date_precision") == "day" else None,
            "date_expression": event.get("date_text") if event.get("date_precision") == "day" else None,
            "date_basis": (
                f"machine draft: {event['date_text']!r} resolved against the publication date"
                if event.get("date")
                else "machine draft: no date in the sentence"
            ),
            "source_actor": event.get("source_id"),
            "target_actor": event.get("target_id") if event.get("target_id") != event.get("source_id") else None,
            "cameo": event["cameo"],
            "plover": event.get("plover"),
            "coding_note": f"machine draft: verb {event['verb']!r} ({event['label']}) in sources/lexicon/event_verbs.csv",
            "review": "drafted",
        }
    )
    return item


def quote_section(quotes: list[dict], text: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """One drafted quote per quotation, and the spans of their attributions."""
    items, attributions = [], []
    for number, quote in enumerate(quotes, 1):
        attribution = attribution_span(text, quote)
        items.append(quote_item(number, quote, attribution, text))
        attributions.append(attribution)
    return items, attributions


def quote_item(number: int, quote: dict, attribution: tuple[int, int], text: str) -> dict:
    item = {"id": f"draft-q{number}", "kind": "scare" if quote["kind"] == "scare" else "direct"}
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
    item["date_basis"] = "machine draft: not dated"
    item["review"] = "drafted"
    return item


def border_section(
    amounts: list[dict], sentences: list[Sentence], text: str
) -> tuple[list[dict], list[tuple[int, int]]]:
    """A drafted border for each length in km of the border between two countries, and the spans of their
    sentences."""
    borders, spans = [], []
    for amount in amounts:
        if (
            amount.get("measures") == "border length"
            and len(amount.get("countries", [])) == 2
            and amount["unit"] == "km"
        ):
            sentence = sentence_of(sentences, amount["start"])
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


def sentence_note_section(sentences: list[Sentence], covered: list[tuple[int, int]], text: str) -> list[dict]:
    """A note for every sentence that no event, quotation or border covers."""
    notes = []
    for sentence in sentences:
        if not any(start < sentence.end and sentence.start < end for start, end in covered):
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
                return lo, hi
    return start, end


def dump_annotations(notes: dict) -> str:
    return HEADER + "\n" + yaml.safe_dump(notes, sort_keys=False, allow_unicode=True, width=120)
