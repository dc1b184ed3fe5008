"""The source article: its bytes, their hash, its sentences."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ArticleChanged, ArticleFormatError
from ..core.repo import ROOT
from ..core.sentences import Sentence, split_sentences
from .inputs import load_yaml


@dataclass(frozen=True)
class Article:
    source_id: str
    folder: Path
    text: str
    data: bytes
    metadata: dict
    sentences: tuple[Sentence, ...]

    @property
    def path(self) -> Path:
        return self.folder / "article.txt"

    @property
    def published(self) -> dt.date:
        return dt.date.fromisoformat(self.metadata["published"])

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds offset (binary search over the sentences' starts)."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        raise ValueError(f"offset {offset} is in no sentence of {self.source_id}")

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]


def load_article(folder: Path, root: Path = ROOT) -> Article:
    """Read article.txt and metadata.yaml of one source folder; refuse an article whose bytes changed."""
    metadata = load_yaml(folder / "metadata.yaml", "metadata", root)
    path = folder / "article.txt"
    data = path.read_bytes()
    text = check_article_bytes(data, path, folder.name)
    digest = hashlib.sha256(data).hexdigest()
    if digest != metadata["sha256"]:
        raise ArticleChanged(
            path,
            folder.name,
            "sha256",
            f"the article's SHA-256 is {digest}, metadata.yaml records {metadata['sha256']}.",
            "restore the original article; to replace it with a new text, make a new source folder.",
        )
    return Article(folder.name, folder, text, data, metadata, split_sentences(text))


MAX_ARTICLE_BYTES = 1_000_000  # a long news article is 20-60 KB; a megabyte is not an article but a mistake


def check_article_bytes(data: bytes, path: Path, source_id: str) -> str:
    """The article as text, when its bytes are plain UTF-8 with LF line endings; a named error otherwise."""

    def refuse(field: str, problem: str, fix: str) -> ArticleFormatError:
        return ArticleFormatError(path, source_id, field, problem, fix)

    if not data.strip():
        raise refuse("size", "the file is empty (or only white space).", "put the article's text in it.")
    if len(data) > MAX_ARTICLE_BYTES:
        raise refuse(
            "size",
            f"{len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}.",
            "check that this is one article; the limit is in scripts/article.py and the README.",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(
            "encoding",
            "UTF-16 (it starts with a UTF-16 byte-order mark).",
            "save the article as UTF-8 without a byte-order mark.",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise refuse(
            "encoding",
            "it starts with a UTF-8 byte-order mark, which would shift every offset by one.",
            "save the article as UTF-8 without a byte-order mark.",
        )
    if b"\x00" in data:
        at = data.index(0)
        raise refuse(
            "encoding",
            f"a NUL byte at byte {at} (binary data, or UTF-16 without a mark).",
            "save the article as UTF-8 text.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(
            "encoding",
            f"not UTF-8: byte {exc.start} is 0x{data[exc.start]:02x} ({exc.reason}); Latin-1 or Windows-1252 perhaps.",
            "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8).",
        ) from None
    if "\r" in text:
        kind = "CRLF" if "\r\n" in text else "CR"
        raise refuse(
            "line endings",
            f"{kind} line endings (first at character {text.index(chr(13))}); offsets count LF only.",
            "convert the line endings to LF (e.g. dos2unix), then record the new sha256.",
        )
    return text
