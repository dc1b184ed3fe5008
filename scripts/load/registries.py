"""What every article is staged against: the vocabularies, the actor registry and the reference tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .actors import load_actors
from .reference import (
    complete_border_countries,
    load_entities,
    load_factbook_borders,
    load_key_dates,
    load_resolutions,
    load_roll_calls,
    load_value_sources,
)
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
    value_sources: dict[tuple[str, str, str], list[str]]  # the independent sources of each reference value
    complete_borders: frozenset[str]  # countries all of whose land borders the Factbook rows list


def load_registries(root: Path) -> Registries:
    vocab = load_vocabularies(root)
    factbook = load_factbook_borders(root)
    return Registries(
        vocab,
        load_actors(root, vocab),
        load_roll_calls(root),
        factbook,
        load_entities(root),
        load_key_dates(root),
        load_resolutions(root),
        load_value_sources(root),
        complete_border_countries(root, factbook),
    )
