"""A source folder: the article with its metadata and its curated annotations, loaded together."""
from __future__ import annotations

from pathlib import Path

from .article import Article, load_article
from .errors import ArticleChanged
from .inputs import load_yaml

# Fields of annotation items that cite the article's words.
CITING_FIELDS = ("evidence", "text", "attribution", "as_written", "speaker_as_written", "addressee_as_written",
                 "date_expression")


def load_source(folder: Path) -> tuple[Article, dict]:
    """Load one source folder; a changed article is refused with the evidence it no longer contains."""
    annotations = load_yaml(folder / "annotations.yaml", "annotations")
    try:
        article = load_article(folder)
    except ArticleChanged as exc:
        text = (folder / "article.txt").read_bytes().decode("utf-8", errors="replace")
        missing = sorted({cited for cited in cited_texts(annotations) if cited not in text})
        detail = (f" {len(missing)} cited passages are no longer in it, e.g. {missing[:3]}." if missing
                  else " All cited passages are still in it, but offsets may have moved.")
        raise ArticleChanged(exc.file, exc.item, exc.field, exc.problem + detail, exc.fix) from None
    return article, annotations


def cited_texts(annotations: dict) -> list[str]:
    """Every piece of article text the annotations cite."""
    cited = [name for names in annotations.get("mentions", {}).values() for name in names]
    for section in ("events", "quotes", "votes", "borders", "sentence_notes"):
        for item in annotations.get(section, []):
            cited += [item[field] for field in CITING_FIELDS if item.get(field)]
    return cited
