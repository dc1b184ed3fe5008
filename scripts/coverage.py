"""Coverage: every sentence of an article yields a row, or its annotations say why it yields none."""
from __future__ import annotations

from pathlib import Path

from .article import Article
from .errors import IncompleteCoverage
from .evidence import locate

# Tables whose rows account for a sentence, and the offset fields of their evidence.
EVIDENCE_SPANS = {
    "events": [("evidence_start", "evidence_end")],
    "quotes": [("text_start", "text_end"), ("attribution_start", "attribution_end")],
    "votes": [("evidence_start", "evidence_end")],
    "borders": [("evidence_start", "evidence_end")],
}


def measure_coverage(article: Article, annotations: dict, tables: dict[str, list[dict]], file: Path) -> int:
    """The number of sentences accounted for; refuses the build when one is not."""
    spans = [(row[s], row[e]) for name, pairs in EVIDENCE_SPANS.items() for row in tables[name]
             if row.get("source_id") == article.source_id for s, e in pairs if row[s] is not None]
    for index, note in enumerate(annotations.get("sentence_notes", [])):
        span = locate(article.text, note["evidence"], note.get("occurrence"), file=file,
                      item=f"sentence_notes[{index}]", field="evidence")
        spans.append((span.start, span.end))
    uncovered = [s for s in article.sentences if not any(start < s.end and s.start < end for start, end in spans)]
    if uncovered:
        first = uncovered[0]
        raise IncompleteCoverage(file, f"sentence {first.index}", "coverage",
                                 f"{len(article.sentences) - len(uncovered)}/{len(article.sentences)} sentences covered; "
                                 f"no row cites {first.text[:80]!r}.",
                                 "annotate what the sentence reports, or add a sentence_notes entry with the reason.")
    return len(article.sentences)
