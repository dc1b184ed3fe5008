"""Every checkable statement of an article is either a claim or listed as not checked, with the reason.

Checked once the articles are linked, so that the claims computed across articles (a report that disagrees with the
event it reports) count too. A reviewed article whose cue lies in no claim's and no `unchecked` item's evidence is
refused (UncheckedStatement); in an article that still holds machine-drafted items, each such statement is listed as
not checked, "not yet triaged", marked drafted. Words inside scare quotes (a label, a slogan) are no statement of the
article, and are not counted."""

from __future__ import annotations

from collections import defaultdict

from ..core.errors import UncheckedStatement
from ..stage.article import StagedArticle
from ..stage.unchecked import Cue

UNTRIAGED = "not triaged: the article holds machine-drafted annotations that no curator has reviewed."


def check_checkable(articles: list[StagedArticle], claims: list[dict], actors: dict) -> list[dict]:
    """The statements not checked, of every article (its `unchecked` items, and for a drafted article the cues
    nothing covers); a reviewed article with a cue nothing covers is refused by name."""
    rows: list[dict] = []
    of_source = defaultdict(list)
    for claim in claims:
        of_source[claim["source_id"]].append(claim)
    for article in articles:
        listed = article.rows.get("unchecked", [])
        mine = of_source[article.source_id]
        spans = [(row["evidence_start"], row["evidence_end"]) for row in mine + listed]
        spans += [(q["text_start"], q["text_end"]) for q in article.rows.get("quotes", []) if q["kind"] == "scare"]
        missing = [cue for cue in cues_of(article) if not inside(cue.start, cue.end, spans)]
        missing += unchecked_names(article, mine, spans, actors)
        if missing and not article.drafted:
            refuse(article, missing[0])
        rows += listed + [untriaged(article, cue) for cue in missing]
    return rows


def cues_of(article: StagedArticle) -> list[Cue]:
    """The article's cues as staging found them (scripts/stage/article.py)."""
    return [Cue(**cue) for cue in article.rows["cues"]]


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The span start–end lies inside one of the spans."""
    return any(s <= start and end <= e for s, e in spans)


def unchecked_names(
    article: StagedArticle, claims: list[dict], spans: list[tuple[int, int]], actors: dict
) -> list[Cue]:
    """The first name of each person the article names whose spelling no claim checks and no item lists."""
    spelled = {c["actor_id"] for c in claims if c["rule"] == "name_spelling"}
    first: dict[str, Cue] = {}
    for mention in article.rows.get("mentions", []):
        actor_id = mention["actor_id"]
        if actors[actor_id]["kind"] != "person" or mention["kind"] != "name" or actor_id in spelled:
            continue
        if inside(mention["text_start"], mention["text_end"], spans):
            spelled.add(actor_id)
            first.pop(actor_id, None)
        elif actor_id not in first:
            first[actor_id] = Cue("name", mention["text_start"], mention["text_end"], mention["text"])
    return sorted(first.values(), key=lambda cue: cue.start)


def refuse(article: StagedArticle, cue: Cue) -> None:
    """The first statement of a reviewed article that is neither checked nor listed as not checked."""
    sentence = article.text[max(0, cue.start - 40) : cue.end + 40].replace("\n", " ")
    raise UncheckedStatement(
        article.file,
        f"{cue.kind} “{cue.text}” at {cue.start}–{cue.end}",
        "claims",
        f"“…{sentence}…” states something checkable ({cue.kind}) that no claim's evidence "
        "and no `unchecked` item holds.",
        "add a claim that checks it against the reference (a rule of scripts/stage/claim.py), "
        "or an `unchecked:` item with the words, the kind and the reason it is not checked.",
    )


def untriaged(article: StagedArticle, cue: Cue) -> dict:
    """A statement of a drafted article that nothing checks or lists, listed as not yet triaged."""
    return {
        "source_id": article.source_id,
        "kind": cue.kind,
        "evidence": cue.text,
        "evidence_start": cue.start,
        "evidence_end": cue.end,
        "reason": UNTRIAGED,
        "review_status": "drafted",
    }
