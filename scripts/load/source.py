"""A source folder: the article with its metadata and its curated annotations, loaded together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.dates import parse_date
from ..core.errors import ArticleChanged, InvalidDate, UnsafePath
from ..core.registry import ID_PATTERN, reviewable_sections
from ..core.repo import ARTICLES, ROOT
from .article import Article, load_article
from .inputs import load_yaml
from .review import apply_policy

SOURCE_FILES = ("article.txt", "metadata.yaml", "annotations.yaml")

# Fields of annotation items that cite the article's words.
CITING_FIELDS = (
    "evidence",
    "text",
    "attribution",
    "as_written",
    "speaker_as_written",
    "addressee_as_written",
    "date_expression",
)


def source_folders(root: Path) -> list[Path]:
    """Every source folder under sources/articles/, in id order, each checked to be a real folder of the repository."""
    folders = sorted(p for p in (root / ARTICLES).iterdir() if p.is_dir() or p.is_symlink())
    for folder in folders:
        check_source_folder(root, folder)
    return folders


def check_source_folder(root: Path, folder: Path) -> None:
    """A source folder is a real folder inside sources/articles/, named like an id, whose files stay in the repository."""
    inside = (root / ARTICLES).resolve()
    if not ID_PATTERN.match(folder.name):
        raise UnsafePath(
            folder,
            folder.name,
            "source id",
            "a source id is lower-case letters, digits and hyphens.",
            "rename the folder (e.g. reuters-unga-vote-2023-02-23).",
        )
    if folder.is_symlink() or folder.resolve().parent != inside:
        raise UnsafePath(
            folder,
            folder.name,
            "folder",
            f"the folder is a link to {folder.resolve()}.",
            "copy the article into sources/articles/ instead of linking to it.",
        )
    repository = root.resolve()
    for name in SOURCE_FILES:
        path = folder / name
        if path.is_symlink() and not path.resolve().is_relative_to(repository):
            raise UnsafePath(
                path,
                folder.name,
                name,
                f"a link to {path.resolve()}, outside the repository.",
                "copy the file into the source folder instead of linking to it.",
            )


def load_reviewed_source(folder: Path, root: Path, allow_drafts: bool) -> tuple[Article, dict]:
    """A source folder as the build uses it: its annotations under the drafts policy (scripts/load/review.py), its
    publication date a real day that is not in the future."""
    article, annotations = load_source(folder, root)
    annotations = apply_policy(annotations, folder / "annotations.yaml", allow_drafts, root)
    published = parse_date(
        article.metadata["published"], file=folder / "metadata.yaml", item=folder.name, field="published"
    )
    if published > dt.date.today():
        raise InvalidDate(
            folder / "metadata.yaml",
            folder.name,
            "published",
            f"{published} is in the future (today is {dt.date.today()}).",
            "give the date the article was published.",
        )
    return article, annotations


def load_source(folder: Path, root: Path = ROOT) -> tuple[Article, dict]:
    """Load one source folder; a changed article is refused with the evidence it no longer contains."""
    annotations = load_yaml(folder / "annotations.yaml", "annotations", root)
    try:
        article = load_article(folder, root)
    except ArticleChanged as exc:
        text = (folder / "article.txt").read_bytes().decode("utf-8", errors="replace")
        missing = sorted({cited for cited in cited_texts(annotations) if cited not in text})
        detail = (
            f" {len(missing)} cited passages are no longer in it, e.g. {missing[:3]}."
            if missing
            else " All cited passages are still in it, but offsets may have moved."
        )
        raise ArticleChanged(exc.file, exc.item, exc.field, exc.problem + detail, exc.fix) from None
    return article, annotations


def cited_texts(annotations: dict) -> list[str]:
    """Every piece of article text the annotations cite."""
    cited = [name for names in annotations.get("mentions", {}).values() for name in names]
    for section in reviewable_sections():
        for item in annotations.get(section, []):
            cited += [item[field] for field in CITING_FIELDS if item.get(field)]
    return cited
