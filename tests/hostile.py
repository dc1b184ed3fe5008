"""The catalogue of hostile and broken inputs, the only list of them: each case breaks a copy of the repository in one
way and names the error the build must answer with and the words its one-line message must contain (the value, the
item, the field). tests/test_hostile_input.py runs every case."""

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
ROLL_CALL = "sources/reference/unga_es11_6_roll_call.csv"


@dataclass(frozen=True)
class Case:
    name: str
    error: str  # the class name in scripts/core/errors.py
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
    # the message names the cited passage the changed text no longer contains
    Case(
        "article-other-text-same-id",
        "ArticleChanged",
        ("SHA-256", "sha256", "new source folder", "7,500 km"),
        article_bytes(lambda d: d.replace(b"7,500 km", b"7,600 km", 1), rehash=False),
    ),
    # annotation and metadata files
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
        ("duplicate key 'status'",),
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
        ("evidance", "blinken-visits-kazakhstan"),
        replace(ANNOTATIONS, "    summary: Blinken makes", "    evidance: x\n    summary: Blinken makes"),
    ),
    Case(
        "yaml-unknown-section",
        "AnnotationFormatError",
        ("sentence_note",),
        replace(ANNOTATIONS, "sentence_notes:\n", "sentence_note:\n"),
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
        ("second visit", "evidence", "blinken-visits-kazakhstan", "copy the words"),
        replace(
            ANNOTATIONS,
            "evidence: during his first visit to the Central Asian country",
            "evidence: during his second visit to the Central Asian country",
        ),
    ),
    Case(
        "evidence-twice",
        "EvidenceAmbiguous",
        ("occurs 2 times", "occurrence"),
        replace(
            ANNOTATIONS,
            "    evidence: the Russian invasion of Ukraine\n    occurrence: 1\n",
            "    evidence: the Russian invasion of Ukraine\n",
        ),
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
        "sentence-without-row-or-note",
        "IncompleteCoverage",
        ("11/12 sentences covered",),
        lambda root: write(
            root, ANNOTATIONS, read(root, ANNOTATIONS).split("\nsentence_notes:")[0] + "\nsentence_notes: []\n"
        ),
    ),
    Case(
        "unannotated-quotation",
        "IncompleteCoverage",
        ("reliable partner", "quotes"),
        replace(
            ANNOTATIONS,
            "  - id: q-reliable-partner\n    kind: scare\n    text: reliable partner\n"
            "    attribution: is playing the “reliable partner” card\n"
            "    date_basis: A label for US policy, attributed to no one and not dated.\n"
            "    event: us-reliable-partner-policy\n"
            "    notes: The marks quote no speaker; they set off a catchphrase.\n",
            "",
        ),
    ),
    Case(
        "scare-quote-with-speaker",
        "AnnotationFormatError",
        ("scare quote", "speaker"),
        replace(ANNOTATIONS, "    kind: scare\n", "    kind: scare\n    speaker: antony-blinken\n"),
    ),
    Case(
        "border-length-mismatch",
        "AnnotationFormatError",
        ("7,500 km",),
        replace(ANNOTATIONS, "length_km: 7500", "length_km: 7644"),
    ),
    Case(
        "date-30-february",
        "InvalidDate",
        ("2023-02-30", "first-anniversary-of-invasion", "date"),
        replace(ANNOTATIONS, 'date: "2023-02-24"', 'date: "2023-02-30"'),
    ),
    Case(
        "date-before-1900",
        "InvalidDate",
        ("before 1900", "early_date_reason"),
        replace(ANNOTATIONS, 'date: "2023-02-24"', 'date: "1023-02-24"'),
    ),
    Case(
        "weekday-contradicts-date",
        "InvalidDate",
        ("Wednesday", "Thursday", "unga-vote-es-11-6"),
        replace(ANNOTATIONS, 'date: "2023-02-23"', 'date: "2023-02-22"'),
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
        "changed-publication-date",
        "InvalidDate",
        ("2023-02-31", "published"),
        replace(METADATA, 'published: "2023-02-28"', 'published: "2023-02-31"'),
    ),
    Case(
        "happened-after-publication",
        "InvalidDate",
        ("after the article was published", "russian-invasion-of-ukraine"),
        replace(ANNOTATIONS, 'date: "2022-02-24"', 'date: "2023-03-24"'),
    ),
    Case(
        "planned-in-the-past",
        "InvalidDate",
        ("planned", "before the article was published"),
        replace(
            ANNOTATIONS, '    status: planned\n    date: "2023-02-28"', '    status: planned\n    date: "2023-02-21"'
        ),
    ),
    Case(
        "unknown-actor",
        "UnknownActor",
        ("kazakstan", "target_actor", "blinken-visits-kazakhstan"),
        replace(
            ANNOTATIONS,
            "    target_actor: kazakhstan\n    place: astana",
            "    target_actor: kazakstan\n    place: astana",
        ),
    ),
    Case(
        "unknown-country",
        "UnknownCode",
        ("XXX", "states"),
        replace(ANNOTATIONS, "states: [KAZ, KGZ", "states: [XXX, KGZ"),
    ),
    Case("unknown-cameo", "UnknownCode", ("999", "cameo"), replace(ANNOTATIONS, 'cameo: "042"', 'cameo: "999"')),
    Case(
        "unquoted-cameo-loses-its-zero",
        "AnnotationFormatError",
        ("cameo",),
        replace(ANNOTATIONS, 'cameo: "042"', "cameo: 042"),
    ),
    Case(
        "unknown-plover",
        "UnknownCode",
        ("SUPPORTS", "plover"),
        replace(ANNOTATIONS, "plover: SUPPORT", "plover: SUPPORTS"),
    ),
    Case(
        "unknown-vote-value",
        "UnknownCode",
        ("maybe", "vote"),
        replace(ROLL_CALL, "AFG,Afghanistan,yes", "AFG,Afghanistan,maybe"),
    ),
    Case(
        "vote-tally-changed",
        "ReferenceMismatch",
        ("expected 193 states", "141 yes", "140 yes", "official record"),
        replace(ROLL_CALL, "AFG,Afghanistan,yes", "AFG,Afghanistan,abstain"),
    ),
    Case(
        "duplicate-id-in-one-file",
        "DuplicateId",
        ("blinken-visits-kazakhstan",),
        replace(ANNOTATIONS, "id: blinken-meets-tokayev", "id: blinken-visits-kazakhstan"),
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
