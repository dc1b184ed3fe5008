"""A time expression the drafter found: its words, where they stand, the value they resolve to and how (the TIMEX of
temporal annotation: scripts/draft/temporal.py finds them, scripts/draft/anchored.py those counted from an event)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    rule: str
    direction: str | None = None  # past | future, when the value depended on the tense
    unresolved: str | None = None  # why no value was given

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}
