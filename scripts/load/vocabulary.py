"""Controlled vocabularies: CAMEO event and actor codes, PLOVER event types and PLOVER's CAMEO->PLOVER mapping,
ISO 3166-1 countries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycountry

from ..core.errors import CodeMismatch, ReferenceMismatch, UnknownCode
from .inputs import read_csv

MAPPING = "sources/vocabularies/cameo_plover_mapping.csv"


@dataclass(frozen=True)
class Vocabularies:
    cameo_events: dict[str, str]
    cameo_actors: dict[str, str]
    plover_types: dict[str, str]
    plover_of: dict[str, str]  # CAMEO code -> the PLOVER type PLOVER's own mapping gives it

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

    def check_plover_mapping(
        self, cameo: str | None, plover: str | None, exception: str | None, *, file: object, item: str
    ) -> None:
        """The PLOVER type is the one the CAMEO->PLOVER mapping gives the CAMEO code (none for codes it does not map),
        unless the item states why it departs from it (`plover_exception`); a stated exception that departs from
        nothing is refused too."""
        if cameo is None:
            return
        expected = self.plover_of.get(cameo)
        if plover != expected and not exception:
            raise CodeMismatch(
                file,
                item,
                "plover",
                f"CAMEO {cameo} ({self.cameo_events[cameo]}) maps to PLOVER {expected or 'none'} in "
                f"{MAPPING}; the item gives {plover or 'none'}.",
                f"use plover: {expected or 'null'} (or leave plover out: it is derived), or keep "
                "the type and give plover_exception with the reason.",
            )
        if plover == expected and exception:
            raise CodeMismatch(
                file,
                item,
                "plover_exception",
                f"PLOVER {plover or 'none'} is what the mapping gives CAMEO {cameo}: there is no exception to explain.",
                "remove plover_exception.",
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
    cameo = {row["code"]: row["label"] for row in read_csv(folder / "cameo_event_codes.csv", root)}
    plover = {row["event_type"]: row["definition"] for row in read_csv(folder / "plover_event_types.csv", root)}
    return Vocabularies(
        cameo,
        {row["code"]: row["label"] for row in read_csv(folder / "cameo_actor_codes.csv", root)},
        plover,
        load_plover_mapping(root, cameo, plover),
    )


def load_plover_mapping(root: Path, cameo: dict[str, str], plover: dict[str, str]) -> dict[str, str]:
    """PLOVER's CAMEO->PLOVER mapping, each row a CAMEO code of the codebook and a PLOVER type of the vocabulary."""
    path = root / MAPPING
    mapping: dict[str, str] = {}
    for row in read_csv(path, root):
        if row["cameo"] not in cameo or row["plover"] not in plover or row["cameo"] in mapping:
            raise ReferenceMismatch(
                path,
                f"cameo {row['cameo']}",
                "cameo",
                f"{row['cameo']!r} -> {row['plover']!r} is not one row of a CAMEO code of "
                "cameo_event_codes.csv and a PLOVER type of plover_event_types.csv.",
                "copy the row from the cited mapping (sources/vocabularies/SOURCES.md).",
            )
        mapping[row["cameo"]] = row["plover"]
    return mapping


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
