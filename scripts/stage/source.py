"""Sources: one row per article, with its derived publication date and its hash."""

from __future__ import annotations

from ..load.article import Article


def stage_source(article: Article, covered: int, root_relative: str) -> dict:
    meta = article.metadata
    return {
        "source_id": article.source_id,
        "title": meta["title"],
        "title_is_curated": meta["title_is_curated"],
        "published": article.published,
        "published_precision": meta["published_precision"],
        "published_derivation": " ".join(meta["published_derivation"].split()),
        "language": meta["language"],
        "translation_note": " ".join(meta["translation_note"].split()) if meta.get("translation_note") else None,
        "outlet": meta.get("outlet"),
        "author": meta.get("author"),
        "provenance_note": " ".join(meta["provenance_note"].split()),
        "path": root_relative,
        "sha256": article.sha256,
        "length_chars": len(article.text),
        "length_bytes": len(article.data),
        "sentence_count": len(article.sentences),
        "sentences_covered": covered,
        "notes": meta.get("notes"),
    }
