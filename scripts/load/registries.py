"""What every article is staged against: the vocabularies, the actor registry and the reference tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .actors import load_actors
from .reference import load_entities, load_factbook_borders, load_key_dates, load_resolutions, load_roll_calls
from .vocabulary import Vocabularies, load_vocabularies


@dataclass(frozen=True)
class Registries:
    vocab: Vocabularies
    actors: dict[str, dict]
    roll_calls: list[dict]  # one row per resolution and state (sources/reference/*roll_call*.csv)
    factbook: list[dict]  # land borders of the CIA World Factbook
    entities: dict[str, dict]
    key_dates: dict[str, dict]
    resolutions: dict[str, dict]


def load_registries(root: Path) -> Registries:
    vocab = load_vocabularies(root)
    return Registries(
        vocab,
        load_actors(root, vocab),
        load_roll_calls(root),
        load_factbook_borders(root),
        load_entities(root),
        load_key_dates(root),
        load_resolutions(root),
    )
