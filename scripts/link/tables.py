"""Link: the staged articles joined into the package's tables, with the reference rows beside them."""

from __future__ import annotations

from ..core.registry import TABLES
from ..load.registries import Registries
from ..stage.article import Reference, StagedArticle
from .actor import actor_rows
from .border import border_rows
from .event import disagreement_claims, link_quotes, link_reports
from .ids import check_event_links, check_unique
from .vote import vote_rows


def link_tables(articles: list[StagedArticle], registries: Registries, reference: Reference) -> dict[str, list[dict]]:
    """Every table of the package: the union of the articles' rows, the reference rows marked with what the articles
    say of them, and one actor row per actor of the registry; ids checked across articles."""
    union = {name: [row for article in articles for row in article.rows.get(name, [])] for name in TABLES}
    files = {article.source_id: article.file for article in articles}
    check_unique(union, files)
    check_event_links(union, files)
    tables = dict(union)
    tables["events"] = link_reports(union["events"], union["reports"], files)
    tables["claims"] = union["claims"] + disagreement_claims(tables["events"], union["reports"])
    link_quotes(union["quotes"], files)
    tables["votes"] = vote_rows(reference.votes, union["vote_statements"])
    tables["borders"] = border_rows(reference.borders, union["borders"])
    tables["actors"] = actor_rows(registries.actors, union["mentions"])
    return tables
