"""More hostile and broken inputs (issue 16), in the format of tests/hostile.py: each breaks a copy of the repository in
one way and names the error the build must answer with. tests/test_hostile_more.py runs every case and checks that
the message is one line with a fix, prints no file it refused, and that data/ stays byte-identical.

Groups: the guarded read (FIFOs, folders, missing files, links out of the repository), strict text (encodings,
byte-order marks, control characters, lone surrogates, carriage returns, texts too long for a cell), YAML shape
(nesting, keys, integers and numbers, codes that YAML reads as numbers), reference CSVs against their schemas,
content (grapheme clusters split, articles without letters, borders stated twice, odd folder names) and inputs that
were slow (1 MB articles, 100,000 quotation marks, 1,700 events: scripts/tools/bench_hostile.py times them)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .hostile import ANNOTATIONS, ARTICLE, METADATA, NOTE, ROOT, Case, add_source, article_bytes, replace, write


def line_of(start: str) -> int:
    """The line of the seed's annotations that starts so (its first): the line an error must name."""
    lines = (ROOT / ANNOTATIONS).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


ACTORS = "sources/actors.yaml"
ENTITIES = "sources/reference/entities.csv"
RESOLUTIONS = "sources/reference/unga_resolutions.csv"
ROLL_CALL = "sources/reference/unga_es11_6_roll_call.csv"
BORDERS = "sources/reference/borders_factbook.csv"
KEY_DATES = "sources/reference/key_dates.csv"
CAMEO = "sources/vocabularies/cameo_event_codes.csv"
PLOVER = "sources/vocabularies/plover_event_types.csv"
SUMMARY = "    summary: Blinken makes his first visit to Kazakhstan as Secretary of State.\n"
BORDER_ITEM = (
    "  - countries: [KAZ, RUS]\n    length_km: 7500\n    as_written: 7,500 km\n"
    "    evidence: Kazakhstan shares a 7,500 km border with Russia\n"
)
MAX_ARTICLE = 1_000_000


def fifo(rel: str) -> Callable[[Path], None]:
    """Replace a file by a named pipe (opening it for reading would wait for a writer forever)."""

    def apply(root: Path) -> None:
        (root / rel).unlink()
        os.mkfifo(root / rel)

    return apply


def folder_instead(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).unlink()
        (root / rel).mkdir()

    return apply


def remove(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).unlink()

    return apply


def link_to(rel: str, target: str) -> Callable[[Path], None]:
    """Replace a file by a link to an absolute path."""

    def apply(root: Path) -> None:
        (root / rel).unlink()
        os.symlink(target, root / rel)

    return apply


def moved_outside(rel: str) -> Callable[[Path], None]:
    """Move a file or folder out of the repository (beside it) and leave a link to it in its place."""

    def apply(root: Path) -> None:
        outside = root.parent / f"outside-{Path(rel).name}"
        shutil.move(root / rel, outside)
        os.symlink(outside, root / rel, target_is_directory=outside.is_dir())

    return apply


def file_bytes(rel: str, make: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).write_bytes(make((root / rel).read_bytes()))

    return apply


def insert_after(rel: str, anchor: str, text: str) -> Callable[[Path], None]:
    return replace(rel, anchor, anchor + text)


def grown_article(filler: str, size: int = MAX_ARTICLE - 1000, separator: str = "\n") -> Callable[[Path], None]:
    """The seed article followed by `filler` repeated up to `size` bytes (its hash recorded)."""

    def make(data: bytes) -> bytes:
        unit = filler.encode("utf-8")
        return data + separator.encode() + unit * ((size - len(data) - 1) // len(unit))

    return article_bytes(make)


def letters(number: int) -> str:
    """A number written in letters a-z (no digit, so no number for the claims to check): 0 -> "a", 26 -> "ba"."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = chr(ord("a") + digit) + word
        if not number:
            return word


def many_events(count: int) -> Callable[[Path], None]:
    """A second article of `count` sentences, each an annotated event, and one more sentence left uncovered."""
    sentences = [f"Delegation {letters(n)} met officials." for n in range(count)]
    article = " ".join(sentences) + " Nobody annotated this one."
    events = "".join(
        f"  - id: meeting-{n}\n    summary: Delegation {letters(n)} met officials.\n"
        f"    evidence: Delegation {letters(n)} met officials.\n    status: happened\n    date_basis: none\n"
        f'    cameo: "040"\n    plover: CONSULT\n'
        for n in range(count)
    )
    return add_source("many-events-test", article, f"mentions: {{}}\nquotes: []\nevents:\n{events}")


def nested_yaml(depth: int) -> str:
    return "mentions: " + "[" * depth + "]" * depth + "\nevents: []\nquotes: []\n"


def passwd_like(root: Path) -> None:
    """A metadata.yaml that is a long text, not a mapping (like /etc/passwd copied over it)."""
    write(root, METADATA, "".join(f"user{n}:x:{n}:{n}:secret line {n}:/home/user{n}:/bin/sh\n" for n in range(300)))


GUARDED_READ = [
    Case("article-is-a-fifo", "UnsafePath", ("FIFO", "article.txt", "regular file"), fifo(ARTICLE)),
    Case("annotations-is-a-fifo", "UnsafePath", ("FIFO", "annotations.yaml"), fifo(ANNOTATIONS)),
    Case("reference-csv-is-a-fifo", "UnsafePath", ("FIFO", "entities.csv"), fifo(ENTITIES)),
    Case("article-is-a-folder", "UnsafePath", ("a folder", "article.txt"), folder_instead(ARTICLE)),
    Case("metadata-is-a-folder", "UnsafePath", ("a folder", "metadata.yaml"), folder_instead(METADATA)),
    Case("article-missing", "ArticleFormatError", ("missing", "article.txt"), remove(ARTICLE)),
    Case("metadata-missing", "AnnotationFormatError", ("missing", "metadata.yaml"), remove(METADATA)),
    Case("reference-csv-missing", "ReferenceFormatError", ("missing", "key_dates.csv"), remove(KEY_DATES)),
    Case(
        "articles-folder-linked-outside", "UnsafePath", ("outside the repository",), moved_outside("sources/articles")
    ),
    Case(
        "actors-linked-to-etc-passwd",
        "UnsafePath",
        ("outside the repository", "actors.yaml"),
        link_to(ACTORS, "/etc/passwd"),
    ),
    Case("roll-call-linked-outside", "UnsafePath", ("outside the repository", "roll_call"), moved_outside(ROLL_CALL)),
    Case("vocabulary-linked-outside", "UnsafePath", ("outside the repository",), link_to(CAMEO, "/etc/hostname")),
    Case(
        "roll-call-file-absolute",
        "ReferenceFormatError",
        ("roll_call_file", "pattern"),
        replace(RESOLUTIONS, ",unga_es11_6_roll_call.csv,", ",/etc/passwd,"),
    ),
    Case(
        "roll-call-file-escaping",
        "ReferenceFormatError",
        ("roll_call_file", "pattern"),
        replace(RESOLUTIONS, ",unga_es11_6_roll_call.csv,", ",../reference/unga_es11_6_roll_call.csv,"),
    ),
    Case("metadata-a-long-text", "AnnotationFormatError", ("metadata.yaml", "not of type 'object'"), passwd_like),
]

STRICT_TEXT = [
    Case(
        "reference-csv-latin-1",
        "ReferenceFormatError",
        ("entities.csv", "not UTF-8", "line"),
        file_bytes(ENTITIES, lambda d: d + "Café,city,,,,a note,,,\n".encode("latin-1")),
    ),
    Case(
        "reference-csv-bom",
        "ReferenceFormatError",
        ("byte-order mark", "entities.csv"),
        file_bytes(ENTITIES, lambda d: b"\xef\xbb\xbf" + d),
    ),
    Case(
        "vocabulary-csv-bom",
        "ReferenceFormatError",
        ("byte-order mark", "cameo_event_codes.csv"),
        file_bytes(CAMEO, lambda d: b"\xef\xbb\xbf" + d),
    ),
    Case(
        "yaml-bom",
        "AnnotationFormatError",
        ("byte-order mark",),
        file_bytes(ANNOTATIONS, lambda d: b"\xef\xbb\xbf" + d),
    ),
    Case(
        "yaml-latin-1",
        "AnnotationFormatError",
        ("not UTF-8",),
        file_bytes(ANNOTATIONS, lambda d: d.replace("’".encode(), "\xe9".encode("latin-1"), 1)),
    ),
    Case(
        "article-escape-character",
        "ArticleFormatError",
        ("U+001B", "ESCAPE", "line"),
        article_bytes(lambda d: d[:50] + b"\x1b[31m" + d[50:]),
    ),
    Case("article-vertical-tab", "ArticleFormatError", ("U+000B",), article_bytes(lambda d: d[:50] + b"\x0b" + d[50:])),
    Case(
        "article-c1-control",
        "ArticleFormatError",
        ("U+0085",),
        article_bytes(lambda d: d[:50] + "\x85".encode() + d[50:]),
    ),
    Case(
        "actor-name-lone-surrogate",
        "AnnotationFormatError",
        ("lone surrogate", "actors.yaml", "name", "line"),
        replace(ACTORS, "    name: Antony Blinken\n", '    name: "Antony \\ud800Blinken"\n'),
    ),
    Case(
        "summary-escape-character",
        "AnnotationFormatError",
        ("U+001B", "summary", "blinken-visits-kazakhstan"),
        replace(ANNOTATIONS, SUMMARY, '    summary: "Blinken \\e[31m makes his first visit."\n'),
    ),
    Case(
        "evidence-vertical-tab",
        "AnnotationFormatError",
        ("U+000B", "evidence"),
        replace(
            ANNOTATIONS,
            "    evidence: during his first visit to the Central Asian country\n",
            '    evidence: "during his first\\vvisit to the Central Asian country"\n',
        ),
    ),
    Case(
        "summary-carriage-return",
        "AnnotationFormatError",
        ("carriage return", "summary"),
        replace(ANNOTATIONS, SUMMARY, '    summary: "Blinken makes\\r his first visit."\n'),
    ),
    Case(
        "summary-next-line-c1",
        "AnnotationFormatError",
        ("U+0085", "summary"),
        replace(ANNOTATIONS, SUMMARY, '    summary: "Blinken makes\\N his first visit."\n'),
    ),
    Case(
        "summary-longer-than-a-cell",
        "AnnotationFormatError",
        ("32,767", "summary", f"line {line_of('    summary: Blinken makes his first visit')}"),
        replace(ANNOTATIONS, SUMMARY, "    summary: " + "long " * 8000 + "\n"),
    ),
    Case(
        "reference-csv-control-character",
        "ReferenceFormatError",
        ("U+001B", "notes", "entities.csv"),
        replace(ENTITIES, "QID NOT verified", "QID \x1b[2J NOT verified"),
    ),
]

YAML_SHAPE = [
    Case(
        "yaml-nested-10000-deep",
        "AnnotationFormatError",
        ("nested", "line"),
        lambda root: write(root, ANNOTATIONS, nested_yaml(10_000)),
    ),
    Case(
        "yaml-unhashable-key",
        "AnnotationFormatError",
        ("key", "list or a mapping"),
        replace(ANNOTATIONS, "events:\n", "? [a, b]\n: x\nevents:\n"),
    ),
    Case(
        "yaml-flow-key-a-list",
        "AnnotationFormatError",
        ("key",),
        replace(ANNOTATIONS, "events:\n", "{[a]: 1}: x\nevents:\n"),
    ),
    Case(
        "yaml-integer-key",
        "AnnotationFormatError",
        ("key", "quote it"),
        replace(ANNOTATIONS, "events:\n", "1: x\nevents:\n"),
    ),
    Case(
        "yaml-boolean-key",
        "AnnotationFormatError",
        ("read as bool", "quote it"),
        replace(ANNOTATIONS, "  astana: [Astana]\n", "  astana: [Astana]\n  yes: [Blinken]\n"),
    ),
    Case(
        "occurrence-1.0",
        "AnnotationFormatError",
        ("occurrence", "decimal number", "line"),
        insert_after(
            ANNOTATIONS, "    evidence: during his first visit to the Central Asian country\n", "    occurrence: 1.0\n"
        ),
    ),
    Case(
        "cameo-040-octal",
        "AnnotationFormatError",
        ("cameo", "quote it: '040'", "32"),
        replace(ANNOTATIONS, 'cameo: "042"', "cameo: 040"),
    ),
    Case(
        "cameo-042-unquoted",
        "AnnotationFormatError",
        ("cameo", "quote it: '042'"),
        replace(ANNOTATIONS, 'cameo: "042"', "cameo: 042"),
    ),
    Case(
        "summary-yes-boolean",
        "AnnotationFormatError",
        ("summary", "quote it: 'yes'"),
        replace(ANNOTATIONS, SUMMARY, "    summary: yes\n"),
    ),
    Case(
        "length-km-7500.0",
        "AnnotationFormatError",
        ("length_km", "decimal number", "7500"),
        replace(ANNOTATIONS, "length_km: 7500", "length_km: 7500.0"),
    ),
    Case(
        "length-km-huge",
        "AnnotationFormatError",
        ("length_km", "maximum"),
        replace(ANNOTATIONS, "length_km: 7500", "length_km: 99999999999"),
    ),
    Case(
        "length-km-enormous-integer",
        "AnnotationFormatError",
        ("digits",),
        replace(ANNOTATIONS, "length_km: 7500", "length_km: " + "9" * 5000),
    ),
    Case(
        "days-after-max-days-huge",
        "AnnotationFormatError",
        ("max_days", "maximum"),
        replace(ANNOTATIONS, "years: 1, max_days: 7}", "years: 1, max_days: 999999999999}"),
    ),
    Case(
        "days-after-years-huge",
        "AnnotationFormatError",
        ("years", "maximum"),
        replace(ANNOTATIONS, "years: 1, max_days: 7}", "years: 99999999, max_days: 7}"),
    ),
    Case(
        "claim-tolerance-nan",
        "AnnotationFormatError",
        (".nan", "finite", "tolerance"),
        replace(ANNOTATIONS, "tolerance: 0.05}", "tolerance: .nan}"),
    ),
    Case(
        "claim-threshold-inf",
        "AnnotationFormatError",
        (".inf", "finite", "threshold"),
        replace(ANNOTATIONS, "params: {threshold: 85}", "params: {threshold: .inf}"),
    ),
    Case(
        "claim-tolerance-1e400",
        "AnnotationFormatError",
        ("finite", "tolerance"),
        replace(ANNOTATIONS, "tolerance: 0.05}", "tolerance: 1.0e+400}"),
    ),
    Case(
        "id-with-trailing-newline",
        "AnnotationFormatError",
        ("id", "does not match"),
        replace(ANNOTATIONS, "  - id: blinken-visits-kazakhstan\n", '  - id: "blinken-visits-kazakhstan\\n"\n'),
    ),
    Case(
        "schema-error-names-its-line",
        "AnnotationFormatError",
        (f"line {line_of('    status: happened')}", "status", "blinken-visits-kazakhstan"),
        replace(ANNOTATIONS, "    status: happened\n", "    status: happend\n"),
    ),
]

REFERENCE_CSV = [
    Case(
        "renamed-reference-column",
        "ReferenceFormatError",
        ("entities.csv", "header", "'name' is missing"),
        replace(ENTITIES, "name,kind,", "entity_name,kind,"),
    ),
    Case(
        "renamed-roll-call-column",
        "ReferenceFormatError",
        ("roll_call", "'iso3' is missing"),
        replace(ROLL_CALL, "iso3,member_state,", "iso,member_state,"),
    ),
    Case(
        "renamed-vocabulary-column",
        "ReferenceFormatError",
        ("plover_event_types.csv", "'event_type' is missing"),
        file_bytes(PLOVER, lambda d: d.replace(b'"event_type"', b'"type"', 1)),
    ),
    Case(
        "reference-length-not-a-number",
        "ReferenceFormatError",
        ("borders_factbook.csv", "length_km", "whole number"),
        replace(BORDERS, "AFG,TJK,1357,", "AFG,TJK,about 1357,"),
    ),
    Case(
        "reference-tally-not-a-number",
        "ReferenceFormatError",
        ("unga_resolutions.csv", "yes", "whole number"),
        replace(RESOLUTIONS, ",141,7,32,13,", ",141 votes,7,32,13,"),
    ),
    Case(
        "reference-tally-out-of-range",
        "ReferenceFormatError",
        ("abstain", "outside"),
        replace(RESOLUTIONS, ",141,7,32,13,", ",141,7,320,13,"),
    ),
    Case(
        "reference-date-impossible",
        "ReferenceFormatError",
        ("key_dates.csv", "date", "calendar date"),
        replace(KEY_DATES, ",2023-02-28,", ",2023-02-30,"),
    ),
    Case("reference-latitude-nan", "ReferenceFormatError", ("lat", "finite"), replace(ENTITIES, ",51.1801,", ",nan,")),
    Case(
        "reference-required-cell-empty",
        "ReferenceFormatError",
        ("iso3_a", "required"),
        replace(BORDERS, "\nAFG,TJK,1357,", "\n,TJK,1357,"),
    ),
    Case(
        "reference-row-too-short",
        "ReferenceFormatError",
        ("cells", "header"),
        replace(ROLL_CALL, "\nAFG,Afghanistan,yes,verified,", "\nAFG,Afghanistan,yes,"),
    ),
]

CONTENT = [
    Case(
        "evidence-splits-a-flag",
        "EvidenceNotFound",
        ("splits a character", "grapheme"),
        add_source(
            "flag-test",
            "Flags \U0001f1fa\U0001f1f8\U0001f1eb\U0001f1f7 flew over Astana.",
            NOTE.format(evidence="Flags \U0001f1fa\U0001f1f8\U0001f1eb"),
        ),
    ),
    Case(
        "evidence-splits-a-zwj-sequence",
        "EvidenceNotFound",
        ("splits a character",),
        add_source(
            "zwj-test",
            "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 came to Astana.",
            NOTE.format(evidence="A family \U0001f468"),
        ),
    ),
    Case(
        "evidence-splits-a-variation-selector",
        "EvidenceNotFound",
        ("splits a character",),
        add_source("emoji-test", "Officials \u2764\ufe0f Astana, they said.", NOTE.format(evidence="Officials \u2764")),
    ),
    Case(
        "evidence-splits-devanagari-ku",
        "EvidenceNotFound",
        ("splits a character",),
        add_source(
            "devanagari-test",
            "\u0928\u092e\u0938\u094d\u0924\u0947 \u0915\u0941\u091b \u0939\u0941\u0906.",
            NOTE.format(evidence="\u0928\u092e\u0938\u094d\u0924\u0947 \u0915"),
        ),
    ),
    Case(
        "evidence-splits-devanagari-ki",
        "EvidenceNotFound",
        ("splits a character",),
        add_source(
            "devanagari-mc-test", "\u0915\u093f\u0924\u093e\u092c \u0939\u0948.", NOTE.format(evidence="\u0915")
        ),
    ),
    Case(
        "article-without-letters",
        "ArticleFormatError",
        ("no sentence", "letter"),
        add_source("digits-test", "1234 5678 9012.\n3456 7890!\n", NOTE.format(evidence="'1234'")),
    ),
    Case(
        "border-stated-twice",
        "DuplicateId",
        ("stated twice", "KAZ-RUS", "borders[1]"),
        insert_after(ANNOTATIONS, BORDER_ITEM, BORDER_ITEM),
    ),
    Case(
        "source-folder-named-x-newline",
        "UnsafePath",
        ("source id", "x\\n"),
        add_source("x\n", "A sentence.", NOTE.format(evidence="A sentence")),
    ),
]

SLOW_BEFORE = [
    Case(
        "article-over-1-mb-on-one-line",
        "ArticleFormatError",
        ("limit", "1,000,000"),
        grown_article("and the talks went on ", MAX_ARTICLE + 10, separator=" "),
    ),
    Case(
        "article-of-999-kb-on-one-line",
        "IncompleteCoverage",
        ("sentence", "covered"),
        grown_article("and the talks went on ", separator=" "),
    ),
    Case(
        "article-of-999-kb-of-sentences",
        "IncompleteCoverage",
        ("sentence", "covered"),
        grown_article("Officials met again. They talked.\n"),
    ),
    Case(
        "article-with-100k-quotation-marks",
        "IncompleteCoverage",
        ("quotation marks", "not annotated"),
        grown_article("“a” ‘b’ ", 300_000),
    ),
    Case("article-with-1700-events", "IncompleteCoverage", ("many-events-test", "Nobody annotated"), many_events(1700)),
    Case(
        "article-with-thousands-of-mentions",
        "IncompleteCoverage",
        ("sentence", "covered"),
        grown_article("Blinken met Tokayev in Astana, in Central Asia.\n"),
    ),
]

CASES = GUARDED_READ + STRICT_TEXT + YAML_SHAPE + REFERENCE_CSV + CONTENT + SLOW_BEFORE
