"""Bad input is refused with a named error that names the file, the item, the field and the fix; data/ is untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build import build
from scripts.core import errors

from .conftest import ROOT, SEED, tree_digest

ANN = f"sources/articles/{SEED}/annotations.yaml"
META = f"sources/articles/{SEED}/metadata.yaml"
ROLL = "sources/reference/unga_es11_6_roll_call.csv"


def edit(repo: Path, relpath: str, old: str, new: str, count: int = 1) -> None:
    path = repo / relpath
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"fixture text {old!r} not in {relpath}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CASES = [
    # id, file, old, new, error, words the message must contain
    (
        "malformed-yaml",
        ANN,
        "events:\n  - id: blinken-visits-kazakhstan",
        "events:\n  - id: [unclosed",
        errors.AnnotationFormatError,
        ["line", "column", "YAML"],
    ),
    (
        "duplicate-key",
        ANN,
        "    status: happened\n",
        "    status: happened\n    status: planned\n",
        errors.AnnotationFormatError,
        ["duplicate key 'status'"],
    ),
    (
        "unknown-field",
        ANN,
        "    summary: Blinken makes",
        "    evidance: x\n    summary: Blinken makes",
        errors.AnnotationFormatError,
        ["evidance", "blinken-visits-kazakhstan"],
    ),
    (
        "unknown-actor",
        ANN,
        "    target_actor: kazakhstan\n    place: astana\n    place_basis: stated",
        "    target_actor: kazakstan\n    place: astana\n    place_basis: stated",
        errors.UnknownActor,
        ["kazakstan", "target_actor", "blinken-visits-kazakhstan"],
    ),
    (
        "impossible-date",
        ANN,
        'date: "2023-02-24"',
        'date: "2023-02-30"',
        errors.InvalidDate,
        ["2023-02-30", "first-anniversary-of-invasion", "date"],
    ),
    (
        "weekday-contradicts-date",
        ANN,
        'date: "2023-02-23"',
        'date: "2023-02-22"',
        errors.InvalidDate,
        ["Wednesday", "Thursday", "unga-vote-es-11-6"],
    ),
    (
        "planned-in-the-past",
        ANN,
        '    status: planned\n    date: "2023-02-28"',
        '    status: planned\n    date: "2023-02-21"',
        errors.InvalidDate,
        ["planned", "before the article was published"],
    ),
    (
        "happened-after-publication",
        ANN,
        'date: "2022-02-24"',
        'date: "2023-03-24"',
        errors.InvalidDate,
        ["after the article was published", "russian-invasion-of-ukraine"],
    ),
    (
        "evidence-not-found",
        ANN,
        "evidence: during his first visit to the Central Asian country",
        "evidence: during his second visit to the Central Asian country",
        errors.EvidenceNotFound,
        ["second visit", "evidence", "blinken-visits-kazakhstan"],
    ),
    (
        "evidence-ambiguous",
        ANN,
        "    evidence: the Russian invasion of Ukraine\n    occurrence: 1\n",
        "    evidence: the Russian invasion of Ukraine\n",
        errors.EvidenceAmbiguous,
        ["occurs 2 times", "occurrence"],
    ),
    (
        "duplicate-id",
        ANN,
        "id: blinken-meets-tokayev",
        "id: blinken-visits-kazakhstan",
        errors.DuplicateId,
        ["blinken-visits-kazakhstan"],
    ),
    ("unknown-cameo", ANN, 'cameo: "042"', 'cameo: "999"', errors.UnknownCode, ["999", "cameo"]),
    ("unquoted-cameo-loses-its-zero", ANN, 'cameo: "042"', "cameo: 042", errors.AnnotationFormatError, ["cameo"]),
    ("unknown-plover", ANN, "plover: SUPPORT", "plover: SUPPORTS", errors.UnknownCode, ["SUPPORTS", "plover"]),
    ("unknown-vote-value", ROLL, "AFG,Afghanistan,yes", "AFG,Afghanistan,maybe", errors.UnknownCode, ["maybe", "vote"]),
    (
        "tally-mismatch",
        ROLL,
        "AFG,Afghanistan,yes",
        "AFG,Afghanistan,abstain",
        errors.ReferenceMismatch,
        ["expected 193 states", "141 yes", "140 yes"],
    ),
    (
        "unknown-country",
        ANN,
        "states: [KAZ, KGZ, TJK, TKM, UZB]",
        "states: [KAZ, KGZ, TJK, TKM, XXX]",
        errors.UnknownCode,
        ["XXX", "states"],
    ),
    (
        "unannotated-quotation",
        ANN,
        "  - id: q-reliable-partner\n    kind: scare\n    text: reliable partner\n"
        "    attribution: is playing the “reliable partner” card\n    date_basis: A label for US policy, attributed to no one and not dated.\n"
        "    event: us-reliable-partner-policy\n    notes: The marks quote no speaker; they set off a catchphrase.\n",
        "",
        errors.IncompleteCoverage,
        ["reliable partner", "quotes"],
    ),
    ("unknown-section", ANN, "sentence_notes:\n", "sentence_note:\n", errors.AnnotationFormatError, ["sentence_note"]),
    (
        "scare-quote-with-speaker",
        ANN,
        "    kind: scare\n",
        "    kind: scare\n    speaker: antony-blinken\n",
        errors.AnnotationFormatError,
        ["scare quote", "speaker"],
    ),
    ("border-length-mismatch", ANN, "length_km: 7500", "length_km: 7644", errors.AnnotationFormatError, ["7,500 km"]),
    (
        "changed-publication-date",
        META,
        'published: "2023-02-28"',
        'published: "2023-02-31"',
        errors.InvalidDate,
        ["2023-02-31", "published"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_a_named_error_and_data_untouched(repo, case):
    _, relpath, old, new, error, words = case
    before = tree_digest(repo)
    edit(repo, relpath, old, new)
    with pytest.raises(error) as caught:
        build(repo, out=lambda line: None)
    message = str(caught.value)
    assert "Fix:" in message and caught.value.file and caught.value.item and caught.value.field
    for word in words:
        assert word in message, message
    assert tree_digest(repo) == before


def test_sentence_without_row_or_note_fails_coverage(repo):
    before = tree_digest(repo)
    path = repo / ANN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\nsentence_notes:")[0] + "\nsentence_notes: []\n", encoding="utf-8")
    with pytest.raises(errors.IncompleteCoverage, match=r"11/12 sentences covered"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before


def test_changed_article_names_the_evidence_that_no_longer_matches(repo):
    before = tree_digest(repo)
    edit(repo, f"sources/articles/{SEED}/article.txt", "7,500 km", "7,600 km")
    with pytest.raises(errors.ArticleChanged) as caught:
        build(repo, out=lambda line: None)
    assert "sha256" in str(caught.value) and "7,500 km" in str(caught.value)
    assert tree_digest(repo) == before


def test_validation_failing_after_the_tables_are_written_publishes_nothing(repo):
    # the build does not check QIDs itself; the schema does, on the written files
    edit(repo, "sources/reference/entities.csv", ",Q61513,", ",X61513,")
    before = tree_digest(repo)
    with pytest.raises(errors.ValidationFailed, match="actors"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before
    assert not (repo / ".build-staging").exists() and not (repo / ".publish-journal").exists()


def test_command_line_prints_one_error_line_and_exits_non_zero(repo):
    edit(repo, ANN, 'cameo: "042"', 'cameo: "999"')
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--root", str(repo)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: UnknownCode:") and "annotations.yaml" in first and "Fix:" in first
    assert "Traceback" not in result.stderr
