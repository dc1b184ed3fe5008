"""Candidate events: the predicates of the reporter's sentences that state a diplomatic or conflict action (verb
frames, scripts/draft/frames.py), coded to CAMEO and PLOVER by the dictionary sources/lexicon/event_verbs.csv, with
the actors in the subject and object of the verb, a date and a status. Speech itself (said, told) is not an event:
it is a quotation; a vote is a vote."""

from __future__ import annotations

from dataclasses import dataclass, field

from .frames import Frame, frame_of, predicates
from .mentions import Mention
from .spans import Index, Taken
from .speakers import Scene, Written
from .temporal import TimeExpression
from .text import is_future


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
    events = []
    for sentence in scene.sentences:
        for predicate in predicates(scene, sentence, quoted):
            frame = frame_of(scene, sentence, predicate)
            if frame is None or frame.source is None and frame.target is None:
                continue
            events.append(event_of(scene, frame, dated, sentence))
    return events


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
    clause = text[max(sentence.start, frame.start, predicate.start - 80) : predicate.end]
    status = "planned" if is_future(clause) else "happened"
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


def nearest_date(dates: Index[TimeExpression], sentence, at: int) -> TimeExpression | None:
    """The resolved date of the sentence nearest the predicate."""
    return min(dates.starting(sentence.start, sentence.end), key=lambda d: abs(d.start - at), default=None)
