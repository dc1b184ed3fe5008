"""Articles are independent and the package is their union: two more (fictional) articles, with reviewed annotations
that link to the seed's events, votes and quotations, build into a package that keeps every invariant; statements
sit beside the record, one happening has many reports, disagreements between sources become claims."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.build import build
from scripts.core import errors

from .conftest import ROOT, SEED, tree_digest
from .hostile import copy_repo
from .package_checks import check_package, published

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
WIRE, REGIONAL = "fixture-wire-blinken-tileuberdi", "fixture-regional-kazakh-border"


def add_fixture_articles(root: Path) -> Path:
    for folder in sorted(FIXTURES.iterdir()):
        shutil.copytree(folder, root / "sources" / "articles" / folder.name)
    return root


@pytest.fixture(scope="module")
def union(tmp_path_factory) -> tuple[Path, dict[str, list[dict]]]:
    root = add_fixture_articles(copy_repo(tmp_path_factory.mktemp("union") / "repo"))
    build(root, out=lambda line: None)
    return root, check_package(root)


def test_the_published_package_keeps_every_invariant():
    check_package(ROOT)


def test_three_articles_keep_every_invariant(union):
    _, tables = union
    assert {row["source_id"] for row in tables["sources"]} == {SEED, WIRE, REGIONAL}


def test_fictional_fixtures_never_enter_the_published_package():
    sources = published(ROOT)["sources"]
    assert not any("FICTIONAL" in (row["provenance_note"] or "") or "fixture" in row["source_id"] for row in sources)


def test_two_statements_about_one_vote_both_stay_beside_the_record(union):
    _, tables = union
    kaz = [s for s in tables["vote_statements"] if s["iso3"] == "KAZ"]
    assert {s["source_id"] for s in kaz} == {SEED, WIRE}
    record = next(v for v in tables["votes"] if v["iso3"] == "KAZ")
    assert record["vote"] == "abstain" and record["statement_count"] == 2 and "evidence" not in record
    compared = {c["source_id"] for c in tables["claims"] if c["rule"] == "vote_behaviour" and "KAZ" in c["vote_iso3s"]}
    assert compared == {SEED, WIRE}


def test_one_happening_reported_by_two_sources_is_one_event(union):
    _, tables = union
    vote = next(e for e in tables["events"] if e["event_id"] == "unga-vote-es-11-6")
    assert (vote["report_count"], vote["source_count"], vote["source_id"]) == (2, 2, SEED)
    reports = [r for r in tables["reports"] if r["event_id"] == "unga-vote-es-11-6"]
    assert {r["source_id"]: r["defines_event"] for r in reports} == {SEED: True, WIRE: False}
    assert not any(e["event_id"].startswith("wire-") for e in tables["events"])


def test_sources_that_disagree_on_a_date_show_it_as_a_claim_with_both_evidences(union):
    _, tables = union
    claim = next(c for c in tables["claims"] if c["claim_id"] == "regional-blinken-visits-astana-date-differs")
    assert (claim["article_value"], claim["record_value"], claim["verdict"]) == (
        "2023-03-01",
        "2023-02-28",
        "discrepant",
    )
    assert claim["evidence"] == "Antony Blinken visited Astana on Wednesday"
    assert "during his first visit to the Central Asian country" in claim["record_source"]
    assert claim["notes"] and "same visit" in claim["notes"]


def test_the_same_words_quoted_by_two_sources_are_linked(union):
    _, tables = union
    wire = next(q for q in tables["quotes"] if q["source_id"] == WIRE)
    assert wire["same_as_quote_id"] == "q-blinken-supports-sovereignty"


def test_the_timeline_draws_an_event_once_with_its_number_of_sources(union):
    root, _ = union
    svg = (root / "data" / "timeline.svg").read_text(encoding="utf-8")
    assert svg.count("UN General Assembly adopts resolution A/RES/ES-11/6") == 1 and "[2 sources]" in svg


REGIONAL_ANN = f"sources/articles/{REGIONAL}/annotations.yaml"
WIRE_ANN = f"sources/articles/{WIRE}/annotations.yaml"
BAD_LINKS = [
    (
        "link-to-no-event",
        WIRE_ANN,
        "same_as: unga-vote-es-11-6",
        "same_as: unga-vote-es-11-7",
        errors.UnknownEvent,
        ["unga-vote-es-11-7", "wire-unga-vote", "same_as"],
    ),
    (
        "merge-of-different-dates-without-reason",
        REGIONAL_ANN,
        "    same_as_reason: >-\n      The outlet dates the visit to "
        "Astana a day later than the seed article and key_dates.csv (2023-02-28); it is\n      the same visit.\n",
        "",
        errors.InvalidLink,
        ["2023-03-01", "blinken-visits-kazakhstan", "same_as_reason"],
    ),
    (
        "two-reports-of-the-same-words",
        REGIONAL_ANN,
        "    evidence: before travelling on to Tashkent",
        "    evidence: Antony Blinken visited Astana on Wednesday",
        errors.DuplicateEvidence,
        ["regional-blinken-visits-astana", "evidence"],
    ),
    (
        "vote-statement-naming-a-non-member",
        WIRE_ANN,
        "states: [KAZ]",
        "states: [TWN]",
        errors.UnknownCode,
        ["TWN", "not a UN member", "wire-kazakhstan-abstained"],
    ),
    (
        "quote-linked-to-other-words",
        WIRE_ANN,
        "same_as: q-blinken-supports-sovereignty",
        "same_as: q-lu-lot-to-offer",
        errors.InvalidLink,
        ["words differ", "wire-q-blinken-supports-sovereignty"],
    ),
]


@pytest.mark.parametrize("case", BAD_LINKS, ids=[case[0] for case in BAD_LINKS])
def test_a_bad_link_is_refused_by_name_and_publishes_nothing(repo, case):
    _, relpath, old, new, error, words = case
    add_fixture_articles(repo)
    path = repo / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = tree_digest(repo)
    with pytest.raises(error) as caught:
        build(repo, out=lambda line: None)
    message = str(caught.value)
    assert "Fix:" in message and all(word in message for word in words), message
    assert tree_digest(repo) == before
