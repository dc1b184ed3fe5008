"""The source article: its bytes, their hash, its sentences."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pysbd

from .errors import ArticleChanged
from .inputs import load_yaml


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


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
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        raise ValueError(f"offset {offset} is in no sentence of {self.source_id}")


def load_article(folder: Path) -> Article:
    """Read article.txt and metadata.yaml of one source folder; refuse an article whose bytes changed."""
    metadata = load_yaml(folder / "metadata.yaml", "metadata")
    path = folder / "article.txt"
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != metadata["sha256"]:
        raise ArticleChanged(path, folder.name, "sha256",
                             f"the article's SHA-256 is {digest}, metadata.yaml records {metadata['sha256']}.",
                             "restore the original article; to replace it with a new text, make a new source folder.")
    text = data.decode("utf-8")
    return Article(folder.name, folder, text, data, metadata, split_sentences(text))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets (pysbd, trailing white space trimmed); segments without a letter are not sentences."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    sentences = []
    for span in segmenter.segment(text):
        start, end = span.start, span.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(ch.isalpha() for ch in text[start:end]):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)
