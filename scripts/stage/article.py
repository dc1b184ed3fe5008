"""One article, staged: every row it yields, from its folder and the shared registries only (nothing of any other
article), with every sentence accounted for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..load.registries import Registries
from ..load.review import drafted_items
from ..load.source import load_reviewed_source
from .border import factbook_pairs, factbook_rows, stage_border_statements
from .claim import Record, stage_claims
from .coverage import measure_coverage
from .event import stage_events
from .mention import stage_mentions
from .quote import stage_quotes
from .source import stage_source
from .unchecked import checkable_cues, stage_unchecked
from .vote import roll_call_rows, stage_vote_statements


@dataclass(frozen=True)
class Reference:
    """The rows of the reference tables, staged once per build: what articles are checked and linked against."""

    votes: list[dict]  # the roll calls, one row per resolution and state
    borders: list[dict]  # the Factbook's land borders
    roll_call: set[tuple[str, str]]  # (resolution, ISO3) of every recorded vote
    factbook: dict[tuple[str, str], dict]  # the Factbook's rows by pair of countries


def stage_reference(registries: Registries) -> Reference:
    votes = roll_call_rows(registries.roll_calls, registries.actors)
    return Reference(
        votes,
        factbook_rows(registries.factbook),
        {(row["resolution_symbol"], row["iso3"]) for row in votes},
        factbook_pairs(registries.factbook),
    )


@dataclass(frozen=True)
class StagedArticle:
    source_id: str
    file: Path  # its annotations.yaml, named by the errors of later stages
    text: str
    rows: dict[str, list[dict]]  # its rows of every table but actors and votes (the registry's), the statements
    # it does not check ("unchecked", listed in the quality report) and the cues of checkable statements ("cues")
    drafted: bool = False  # it still holds machine-drafted items (published only with --allow-drafts)


def stage_article(
    folder: Path, registries: Registries, reference: Reference, root: Path, allow_drafts: bool = False
) -> StagedArticle:
    """Load one source folder and stage its rows (pure: the same folder and registries give the same rows)."""
    article, annotations = load_reviewed_source(folder, root, allow_drafts)
    file = folder / "annotations.yaml"
    actors = registries.actors
    drafted = bool(drafted_items(annotations, root))
    mentions = stage_mentions(
        article,
        annotations.get("mentions", {}),
        actors,
        file,
        frozenset(annotations.get("_drafted_names", ())),
        complete=not drafted,
    )
    rows = {
        "mentions": mentions,
        **stage_events(
            article, annotations, actors, registries.vocab, file, frozenset(m["actor_id"] for m in mentions)
        ),
        "quotes": stage_quotes(article, annotations, actors, file),
        "vote_statements": stage_vote_statements(article, annotations, reference.roll_call, file),
        "borders": stage_border_statements(article, annotations, reference.factbook, file),
        "claims": stage_claims(article, annotations, record_for(registries, reference, mentions), actors, file),
        "unchecked": stage_unchecked(article, annotations, file),
        "cues": [dataclasses.asdict(cue) for cue in checkable_cues(article.text)],  # for link/checkable.py
    }
    covered = measure_coverage(article, annotations, rows, file)
    rows["sources"] = [stage_source(article, covered, article.path.relative_to(root).as_posix())]
    return StagedArticle(article.source_id, file, article.text, rows, drafted)


def record_for(registries: Registries, reference: Reference, mentions: list[dict]) -> Record:
    """What the claim rules consult: the reference rows, this article's mentions, actors and reference files."""
    return Record(
        reference.borders,
        reference.votes,
        mentions,
        registries.actors,
        registries.entities,
        registries.key_dates,
        registries.resolutions,
        registries.value_sources,
        registries.complete_borders,
    )
