"""A catalogue of hostile and broken inputs: each one breaks a copy of the repository in one way and names the error
the build must answer with. tests/test_hostile_input.py runs every case; scripts/reliability.py counts them."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("sources", "schemas", "data", "datapackage.json", "README.md")
SEED = "blinken-astana-2023-02-28"
ARTICLE = f"sources/articles/{SEED}/article.txt"
ANNOTATIONS = f"sources/articles/{SEED}/annotations.yaml"
METADATA = f"sources/articles/{SEED}/metadata.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    error: str  # the class name in scripts/errors.py
    words: tuple[str, ...]  # words the one-line message must contain
    apply: Callable[[Path], None]  # breaks the repository copy at this root


def copy_repo(target: Path) -> Path:
    """A copy of the inputs and the published package, to build or to break without touching the checkout."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
        else:
            shutil.copy2(ROOT / name, target / name)
    return target


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        text = read(root, rel)
        if old not in text:
            raise AssertionError(f"fixture text {old!r} is not in {rel}")
        write(root, rel, text.replace(old, new, 1))

    return apply


def article_bytes(make: Callable[[bytes], bytes], rehash: bool = True) -> Callable[[Path], None]:
    """Replace the seed article's bytes (and, by default, record their hash so only the new fault is left)."""

    def apply(root: Path) -> None:
        data = make((root / ARTICLE).read_bytes())
        (root / ARTICLE).write_bytes(data)
        if rehash:
            meta = read(root, METADATA)
            old = next(line for line in meta.splitlines() if line.startswith("sha256:"))
            write(root, METADATA, meta.replace(old, f"sha256: {hashlib.sha256(data).hexdigest()}"))

    return apply


def annotations_text(text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        write(root, ANNOTATIONS, text)

    return apply


def add_source(source_id: str, article: str, annotations: str, published: str = "2023-03-01") -> Callable[[Path], None]:
    """A second, small source folder."""

    def apply(root: Path) -> None:
        folder = root / "sources" / "articles" / source_id
        folder.mkdir()
        data = article.encode("utf-8")
        (folder / "article.txt").write_bytes(data)
        (folder / "metadata.yaml").write_text(
            f'title: A test article\ntitle_is_curated: true\npublished: "{published}"\npublished_precision: day\n'
            f"published_derivation: Given for the test.\nlanguage: en\nprovenance_note: Written for a test.\n"
            f"sha256: {hashlib.sha256(data).hexdigest()}\n",
            encoding="utf-8",
        )
        (folder / "annotations.yaml").write_text(annotations, encoding="utf-8")

    return apply


def link_folder(target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        os.symlink(target, root / "sources" / "articles" / "linked-article", target_is_directory=True)

    return apply


def link_article(target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / ARTICLE).unlink()
        os.symlink(target, root / ARTICLE)

    return apply


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
NOTE = (
    "mentions: {{}}\nevents: []\nquotes: []\nsentence_notes:\n  - evidence: {evidence}\n    reason: a test sentence.\n"
)

CASES = [
    # article files
    Case(
        "article-latin-1",
        "ArticleFormatError",
        ("not UTF-8", "byte", "encoding"),
        article_bytes(lambda d: d.decode("utf-8").replace("’", "'").encode("utf-8") + "Café".encode("latin-1")),
    ),
    Case(
        "article-utf-16", "ArticleFormatError", ("UTF-16",), article_bytes(lambda d: d.decode("utf-8").encode("utf-16"))
    ),
    Case("article-utf-8-bom", "ArticleFormatError", ("byte-order mark",), article_bytes(lambda d: b"\xef\xbb\xbf" + d)),
    Case("article-crlf", "ArticleFormatError", ("CRLF", "LF"), article_bytes(lambda d: d.replace(b"\n", b"\r\n"))),
    Case("article-cr", "ArticleFormatError", ("CR line endings",), article_bytes(lambda d: d.replace(b"\n", b"\r"))),
    Case("article-nul-byte", "ArticleFormatError", ("NUL",), article_bytes(lambda d: d[:100] + b"\x00" + d[100:])),
    Case("article-empty", "ArticleFormatError", ("empty",), article_bytes(lambda d: b"")),
    Case("article-enormous", "ArticleFormatError", ("limit",), article_bytes(lambda d: d + b" x" * 600_000)),
    Case(
        "article-other-text-same-id",
        "ArticleChanged",
        ("SHA-256", "new source folder"),
        article_bytes(lambda d: d.replace(b"Blinken", b"Blinkin", 1), rehash=False),
    ),
    # annotation files
    Case(
        "yaml-syntax",
        "AnnotationFormatError",
        ("line", "column", "YAML"),
        replace(ANNOTATIONS, "events:\n  - id: blinken-visits-kazakhstan", "events:\n  - id: [unclosed"),
    ),
    Case(
        "yaml-tab",
        "AnnotationFormatError",
        ("tab", "line"),
        replace(ANNOTATIONS, "    status: happened", "\tstatus: happened"),
    ),
    Case(
        "yaml-duplicate-key",
        "AnnotationFormatError",
        ("duplicate key",),
        replace(ANNOTATIONS, "    status: happened\n", "    status: happened\n    status: planned\n"),
    ),
    Case(
        "yaml-wrong-type",
        "AnnotationFormatError",
        ("occurrence", "integer"),
        replace(ANNOTATIONS, "    status: happened\n", "    status: happened\n    occurrence: two\n"),
    ),
    Case(
        "yaml-unknown-field",
        "AnnotationFormatError",
        ("evidance",),
        replace(ANNOTATIONS, "    summary: Blinken makes", "    evidance: x\n    summary: Blinken makes"),
    ),
    Case("yaml-billion-laughs", "AnnotationFormatError", ("aliases",), annotations_text(LAUGHS)),
    Case(
        "yaml-object-tag",
        "AnnotationFormatError",
        ("YAML",),
        annotations_text("mentions: !!python/object/apply:os.system ['echo pwned']\n"),
    ),
    Case("yaml-not-a-mapping", "AnnotationFormatError", ("not of type 'object'",), annotations_text("- a\n- b\n")),
    Case("yaml-empty-file", "AnnotationFormatError", ("not of type 'object'",), annotations_text("")),
    Case(
        "metadata-not-a-mapping",
        "AnnotationFormatError",
        ("metadata.yaml",),
        lambda root: write(root, METADATA, "just a line of text\n"),
    ),
    # content
    Case(
        "evidence-not-in-article",
        "EvidenceNotFound",
        ("evidence", "copy the words"),
        replace(
            ANNOTATIONS,
            "evidence: during his first visit to the Central Asian country",
            "evidence: during his first visit to the Central Asian nation",
        ),
    ),
    Case(
        "evidence-twice",
        "EvidenceAmbiguous",
        ("occurrence",),
        replace(ANNOTATIONS, "evidence: during his first visit to the Central Asian country", "evidence: Blinken"),
    ),
    Case(
        "offsets-split-a-character",
        "EvidenceNotFound",
        ("splits a character",),
        add_source(
            "cafe-test", "Officials met at the Cafe\u0301 Central.", NOTE.format(evidence="Officials met at the Cafe")
        ),
    ),
    Case(
        "date-30-february",
        "InvalidDate",
        ("2023-02-30",),
        replace(ANNOTATIONS, 'date: "2023-02-24"', 'date: "2023-02-30"'),
    ),
    Case(
        "date-before-1900",
        "InvalidDate",
        ("before 1900", "early_date_reason"),
        replace(ANNOTATIONS, 'date: "2023-02-24"', 'date: "1023-02-24"'),
    ),
    Case(
        "published-in-the-future",
        "InvalidDate",
        ("future",),
        add_source(
            "future-test",
            "A sentence from the future.",
            NOTE.format(evidence="A sentence from the future"),
            published="2999-01-01",
        ),
    ),
    Case(
        "happened-after-publication",
        "InvalidDate",
        ("after the article was published",),
        replace(ANNOTATIONS, 'date: "2023-02-24"', 'date: "2023-03-24"'),
    ),
    Case(
        "unknown-actor",
        "UnknownActor",
        ("kazakstan",),
        replace(
            ANNOTATIONS,
            "    target_actor: kazakhstan\n    place: astana",
            "    target_actor: kazakstan\n    place: astana",
        ),
    ),
    Case("unknown-country", "UnknownCode", ("XXX",), replace(ANNOTATIONS, "states: [KAZ, KGZ", "states: [XXX, KGZ")),
    Case("unknown-cameo", "UnknownCode", ("999",), replace(ANNOTATIONS, 'cameo: "042"', 'cameo: "999"')),
    Case("unknown-plover", "UnknownCode", ("VISIT",), replace(ANNOTATIONS, "plover: CONSULT", "plover: VISIT")),
    Case(
        "unknown-vote-value",
        "UnknownCode",
        ("maybe",),
        replace("sources/reference/unga_es11_6_roll_call.csv", ",abstain,", ",maybe,"),
    ),
    Case(
        "vote-tally-changed",
        "ReferenceMismatch",
        ("expected 193 states", "official record"),
        replace("sources/reference/unga_es11_6_roll_call.csv", ",abstain,", ",yes,"),
    ),
    Case(
        "duplicate-id-across-files",
        "DuplicateId",
        ("blinken-visits-kazakhstan",),
        add_source(
            "dup-test",
            "Blinken visits Astana.",
            "mentions: {}\nquotes: []\nevents:\n  - id: blinken-visits-kazakhstan\n    summary: A copy.\n"
            "    evidence: Blinken visits Astana\n    status: happened\n    date_basis: none\n"
            '    cameo: "042"\n    plover: CONSULT\n',
        ),
    ),
    Case(
        "foreign-key-to-nothing",
        "UnknownEvent",
        ("no-such-event",),
        replace(ANNOTATIONS, "    event: blinken-meets-tileuberdi", "    event: no-such-event"),
    ),
    # paths
    Case("source-folder-linked-outside", "UnsafePath", ("link",), link_folder("/tmp")),
    Case("article-linked-outside", "UnsafePath", ("outside the repository",), link_article("/etc/hostname")),
    Case(
        "source-id-not-an-id",
        "UnsafePath",
        ("source id",),
        add_source("Not An Id", "A sentence.", NOTE.format(evidence="A sentence")),
    ),
]
