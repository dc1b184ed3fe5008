"""Coverage: every sentence of an article yields a row, or its annotations say why it yields none."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import IncompleteCoverage
from ..core.evidence import locate
from ..core.registry import COVERING, load_schema, spans
from ..load.article import Article

# the offset fields of the evidence of each table whose rows account for a sentence
EVIDENCE_SPANS = {name: [(start, end) for _, start, end in spans(load_schema(name))] for name in COVERING}


def measure_coverage(article: Article, annotations: dict, rows: dict[str, list[dict]], file: Path) -> int:
    """The number of sentences accounted for by the article's rows (or its sentence notes); refuses the build when
    one is not."""
    found = [
        (row[s], row[e])
        for name, pairs in EVIDENCE_SPANS.items()
        for row in rows[name]
        for s, e in pairs
        if row[s] is not None
    ]
    for index, note in enumerate(annotations.get("sentence_notes", [])):
        span = locate(
            article.text,
            note["evidence"],
            note.get("occurrence"),
            file=file,
            item=f"sentence_notes[{index}]",
            field="evidence",
        )
        found.append((span.start, span.end))
    uncovered = [s for s in article.sentences if not any(start < s.end and s.start < end for start, end in found)]
    if uncovered:
        first = uncovered[0]
        raise IncompleteCoverage(
            file,
            f"sentence {first.index}",
            "coverage",
            f"{len(article.sentences) - len(uncovered)}/{len(article.sentences)} sentences covered; "
            f"no row cites {first.text[:80]!r}.",
            "annotate what the sentence reports, or add a sentence_notes entry with the reason.",
        )
    return len(article.sentences)
