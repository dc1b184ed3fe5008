"""Controlled vocabularies: CAMEO event and actor codes, PLOVER event types, ISO 3166-1 countries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycountry

from ..core.errors import UnknownCode
from .inputs import read_csv


@dataclass(frozen=True)
class Vocabularies:
    cameo_events: dict[str, str]
    cameo_actors: dict[str, str]
    plover_types: dict[str, str]

    def cameo_label(self, code: str, *, file: object, item: str) -> str:
        if code not in self.cameo_events:
            raise UnknownCode(
                file,
                item,
                "cameo",
                f"{code!r} is not a CAMEO event code.",
                'use a code of sources/vocabularies/cameo_event_codes.csv (as a quoted string, e.g. "042"), or null with a coding_note.',
            )
        return self.cameo_events[code]

    def check_plover(self, event_type: str, *, file: object, item: str) -> None:
        if event_type not in self.plover_types:
            raise UnknownCode(
                file,
                item,
                "plover",
                f"{event_type!r} is not a PLOVER event type.",
                f"use one of {sorted(self.plover_types)}, or null with a coding_note.",
            )

    def check_cameo_actor(self, code: str, *, file: object, item: str) -> None:
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        if code in self.cameo_actors or (len(code) % 3 == 0 and all(p in self.cameo_actors for p in parts)):
            return
        raise UnknownCode(
            file,
            item,
            "cameo_code",
            f"{code!r} is not a CAMEO actor code.",
            "compose it from the codes of sources/vocabularies/cameo_actor_codes.csv (e.g. USA + GOV), or add the code there with its source.",
        )


def load_vocabularies(root: Path) -> Vocabularies:
    folder = root / "sources" / "vocabularies"
    return Vocabularies(
        {row["code"]: row["label"] for row in read_csv(folder / "cameo_event_codes.csv")},
        {row["code"]: row["label"] for row in read_csv(folder / "cameo_actor_codes.csv")},
        {row["event_type"]: row["definition"] for row in read_csv(folder / "plover_event_types.csv")},
    )


def check_iso3(code: str, *, file: object, item: str, field: str) -> str:
    """An ISO 3166-1 alpha-3 code that pycountry knows."""
    if pycountry.countries.get(alpha_3=code) is None:
        raise UnknownCode(
            file,
            item,
            field,
            f"{code!r} is not an ISO 3166-1 alpha-3 country code.",
            "use the country's alpha-3 code (e.g. KAZ, RUS, USA).",
        )
    return code
