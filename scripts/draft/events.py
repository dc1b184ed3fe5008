"""Candidate events: sentences whose verb is a diplomatic or conflict action, coded to CAMEO and PLOVER by the verb
dictionary sources/lexicon/event_verbs.csv, with the actors found around the verb, a date and a status."""

from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import Mention
from .temporal import TimeExpression
from .text import Sentence, is_future

FALLBACK = "010"  # a statement: used only when no more specific verb is in the sentence


@dataclass
class Event:
    evidence: str
    start: int
    end: int
    verb: str
    cameo: str
    plover: str | None
    label: str
    status: str
    source: str | None = None
    source_id: str | None = None
    target: str | None = None
    target_id: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    actors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [])}


def actor_key(mention: Mention) -> str:
    return mention.id or mention.iso3 or mention.name or mention.text


def find_events(
    sentences: list[Sentence], mentions: list[Mention], dates: list[TimeExpression], verbs: list[dict], quotes: list
) -> list[Event]:
    events = []
    quoted = [(q.start, q.end) for q in quotes]
    for sentence in sentences:
        hits = []
        for entry in verbs:
            for match in entry["regex"].finditer(sentence.text):
                at = sentence.start + match.start()
                if any(s <= at < e for s, e in quoted):
                    continue  # words inside a quotation are the speaker's, not the reporter's event
                hits.append((entry["cameo"] == FALLBACK, match.start(), match, entry))
        if not hits:
            continue
        _, _, match, entry = min(hits, key=lambda h: (h[0], h[1]))
        verb_start = sentence.start + match.start()
        actors = [
            m
            for m in mentions
            if sentence.start <= m.start < sentence.end
            and m.kind in ("person", "country", "organisation")
            and not any(s <= m.start < e for s, e in quoted)
        ]
        if not actors:
            continue
        before = [m for m in actors if m.end <= verb_start]
        after = [m for m in actors if m.start >= verb_start + len(match.group())]
        source = before[-1] if before else None
        people_before = [m for m in before if m.kind == "person"]
        if people_before:
            source = people_before[0]
        target = next((m for m in after if source is None or actor_key(m) != actor_key(source)), None)
        when = next((d for d in dates if sentence.start <= d.start < sentence.end and d.value), None)
        clause = sentence.text[max(0, match.start() - 60) : match.end()]
        status = "planned" if is_future(clause) else "happened"
        events.append(
            Event(
                sentence.text,
                sentence.start,
                sentence.end,
                match.group(),
                entry["cameo"],
                entry["plover"] or None,
                entry["label"],
                status,
                source=(source.name or source.text) if source else None,
                source_id=source.id if source else None,
                target=(target.name or target.text) if target else None,
                target_id=target.id if target else None,
                date=when.value if when else None,
                date_precision=when.precision if when else None,
                date_text=when.text if when else None,
                actors=list(dict.fromkeys(actor_key(m) for m in actors)),
            )
        )
    return events
