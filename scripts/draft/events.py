"""Candidate events: the predicates of the reporter's sentences that state a diplomatic or conflict action (verb
frames, scripts/draft/frames.py), coded to CAMEO and PLOVER by the dictionary sources/lexicon/event_verbs.csv, with
the actors in the subject and object of the verb, a date and a status. Speech itself (said, told) is not an event:
it is a quotation; a vote is a vote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .frames import Frame, frame_of, predicates
from .mentions import Mention
from .spans import Index, Taken
from .speakers import Scene, Written, subject_span
from .text import is_future
from .timex import TimeExpression


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
    date_rule: str | None = None
    frame: str | None = None  # what made it an event: verb, light verb and noun, aid frame
    actors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [])}


def actor_key(mention: Mention) -> str:
    return mention.id or mention.iso3 or mention.name or mention.text


def find_events(scene: Scene, dates: list[TimeExpression], quotes: list) -> list[Event]:
    """One event per event predicate with an actor in its frame, in the order of the text."""
    inside = Taken(len(scene.text))
    for quote in quotes:
        inside.add(quote.start, quote.end)
    quoted = lambda at: not inside.free(at, at + 1)  # noqa: E731
    dated = Index([d for d in dates if d.value])
    events, kept = [], []
    for sentence in scene.sentences:
        for predicate in predicates(scene, sentence, quoted):
            frame = frame_of(scene, sentence, predicate)
            if frame is None or frame.source is None and frame.target is None or voted(scene.text, sentence, frame):
                continue
            event = event_of(scene, frame, dated, sentence)
            if events and (events[-1].start, events[-1].end) == (event.start, event.end):
                if events[-1].cameo.startswith("03") and event.cameo[:2] in ("03", "04"):
                    events[-1] = intent_to_meet(events[-1], event)
                    continue
                event.start, event.evidence = frame.predicate.start, scene.text[frame.predicate.start : event.end]
            if not any(restated(event, frame.predicate, *other, scene.text) for other in kept[-3:]):
                events.append(event)
                kept.append((event, frame.predicate))
    return events


def intent_to_meet(first: Event, second: Event) -> Event:
    """Two predicates of one passage, an intent and what is intended ("agreed to meet X", "offered to host a
    summit"), are one event: the intent, to meet (036) when a meeting or visit is intended."""
    if not second.cameo.startswith("04"):
        return first
    second.cameo, second.plover, second.label = (INTENT_TO_MEET[k] for k in ("cameo", "plover", "label"))
    return second


def voted(text: str, sentence, frame: Frame) -> bool:
    """ "voted 84 to 4 to override the veto": a vote is a vote (the votes items), not an event."""
    return bool(re.search(r"\bvot(?:ed|es|ing)\b[^,;]{0,40}\bto\s+$", text[sentence.start : frame.predicate.start]))


def restated(event: Event, predicate, other: Event, before, text: str) -> bool:
    """Two predicates a few words apart, in one clause, that state one event ("arrived in Moscow on a working
    visit"); not "meet X before leaving for Y"."""
    gap = text[before.end : predicate.start] if 0 <= predicate.start - before.end <= 30 else None
    return event.cameo == other.cameo and gap is not None and not CLAUSE_LINK.search(gap)


CLAUSE_LINK = re.compile(r"[,;]|\b(?:before|after|and|then|while|but|or|until)\b")


def name_of(actor) -> str | None:
    if isinstance(actor, Written):
        return actor.text
    if actor is None:
        return None
    return actor.name or actor.text


def event_of(scene: Scene, frame: Frame, dates: Index[TimeExpression], sentence) -> Event:
    """The event a frame states, dated by the nearest date of its sentence."""
    text, predicate = scene.text, frame.predicate
    entry = predicate.entry
    when = nearest_date(dates, sentence, predicate.start)
    clause = text[clause_start(text, sentence, frame, predicate) : predicate.end]
    status = "planned" if is_future(clause) else "happened"
    entry = coded(entry, status, text[subject_span(text, sentence.start, predicate.start)[0] : predicate.start])
    source = frame.source if isinstance(frame.source, Mention) else None
    actors = [
        m
        for m in scene.mentions.within(sentence.start, sentence.end)
        if m.kind in ("person", "country", "organisation")
    ]
    return Event(
        text[frame.start : frame.end],
        frame.start,
        frame.end,
        text[predicate.start : predicate.end],
        entry["cameo"],
        entry.get("plover") or None,
        entry["label"],
        status,
        source=name_of(frame.source),
        source_id=source.id if source else None,
        target=name_of(frame.target),
        target_id=frame.target.id if frame.target else None,
        date=when.value if when else None,
        date_precision=when.precision if when else None,
        date_text=when.text if when else None,
        date_rule=when.rule if when else None,
        frame=predicate.how,
        actors=list(dict.fromkeys(actor_key(m) for m in actors)),
    )


def clause_start(text: str, sentence, frame: Frame, predicate) -> int:
    """Where the words that give the predicate its tense begin: its subject and auxiliaries ("he will meet"), or the
    whole main clause for a participle after "before" or "after" ("He will meet X before leaving for Y")."""
    if re.search(
        r"\b(?:before|after|while|without)\s+$", text[max(sentence.start, predicate.start - 12) : predicate.start]
    ):
        return sentence.start
    return max(sentence.start, min(frame.start, predicate.start - 24))


INTENT_TO_MEET = {"cameo": "036", "plover": "AGREE", "label": "Express intent to meet or negotiate"}
COURT = re.compile(r"\b(?:court|judge|tribunal|prosecutors?)\b", re.I)
COURT_ORDER = {"cameo": "172", "plover": "COERCE", "label": "Impose administrative sanctions"}


def coded(entry: dict, status: str, subject: str) -> dict:
    """The code of what the sentence reports: a meeting or visit reported as future is the intent to meet (036, the
    package's convention for planned happenings); a court's or judge's ban, halt or suspension is an administrative
    sanction (172), not a cut in relations (16x)."""
    if status == "planned" and entry["cameo"].startswith("04"):
        return {**entry, **INTENT_TO_MEET}
    if entry["cameo"].startswith("16") and COURT.search(subject):
        return {**entry, **COURT_ORDER}
    return entry


def nearest_date(dates: Index[TimeExpression], sentence, at: int) -> TimeExpression | None:
    """The resolved date of the sentence nearest the predicate."""
    return min(dates.starting(sentence.start, sentence.end), key=lambda d: abs(d.start - at), default=None)
