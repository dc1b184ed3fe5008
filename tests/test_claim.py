"""Claims: each checkable statement of the article against the record, with a verdict the data computes."""

from __future__ import annotations

import pandas as pd
import pytest

from scripts.build import build

from .conftest import ROOT

REF = "sources/reference/borders_factbook.csv"


def claims(root=ROOT) -> pd.DataFrame:
    return pd.read_parquet(root / "data" / "claims.parquet").set_index("claim_id")


@pytest.mark.parametrize(
    "claim_id, verdict",
    [
        ("kaz-rus-border-length", "approximately_consistent"),
        ("name-antony-blinken", "discrepant"),
        ("name-mukhtar-tileuberdi", "discrepant"),
        ("name-kassym-jomart-tokayev", "consistent"),
        ("c5-list-of-states", "garbled"),
        ("c5-blinken-meets-himself", "garbled"),
        ("vote-central-asian-five", "consistent"),
        ("vote-date-thursday", "consistent"),
        ("vote-bill-requiring-withdrawal", "discrepant"),
        ("date-tuesday-visit", "consistent"),
        ("date-days-after-anniversary", "consistent"),
        ("first-visit", "unverifiable"),
        ("kazakhstan-russian-ally", "unverifiable"),
        ("five-former-soviet-republics", "unverifiable"),
    ],
)
def test_verdicts_of_the_seed_article(claim_id, verdict):
    assert claims().loc[claim_id, "verdict"] == verdict


def test_border_claim_gives_both_values_and_the_difference():
    row = claims().loc["kaz-rus-border-length"]
    assert row["article_value"] == "7,500 km" and row["record_value"] == "7,644 km"
    assert "1.9%" in row["rule_detail"] and "tolerance 5%" in row["rule_detail"]
    assert row["border_id"] == "KAZ-RUS-cia-world-factbook" and "factbook" in row["record_source"]


def test_garbled_list_names_the_missing_host():
    assert "missing: ['KAZ']" in claims().loc["c5-list-of-states", "rule_detail"]


def test_vote_claim_lists_each_states_recorded_vote():
    assert claims().loc["vote-central-asian-five", "record_value"] == (
        "KAZ abstain; KGZ abstain; TJK abstain; TKM non_voting; UZB abstain"
    )


def test_uncertain_reference_is_carried_into_the_claim():
    table = claims()
    assert table.loc["vote-bill-requiring-withdrawal", "record_certainty"] == "single_source"
    assert table.loc["role-lu-central-asia-diplomat", "record_certainty"] == "single_source"
    assert table.loc["first-visit", "record_certainty"] == "none"


@pytest.mark.parametrize(
    "recorded, verdict", [("7500", "consistent"), ("7644", "approximately_consistent"), ("9000", "discrepant")]
)
def test_changing_a_reference_value_changes_the_verdict(repo, recorded, verdict):
    path = repo / REF
    path.write_text(path.read_text(encoding="utf-8").replace("KAZ,RUS,7644,", f"KAZ,RUS,{recorded},"), encoding="utf-8")
    totals = repo / "sources/reference/land_boundary_totals.csv"  # keep the Factbook's own sum check true
    total = 13364 - 7644 + int(recorded)
    totals.write_text(totals.read_text(encoding="utf-8").replace("KAZ,13364,", f"KAZ,{total},"), encoding="utf-8")
    build(repo, out=lambda line: None)
    assert claims(repo).loc["kaz-rus-border-length", "verdict"] == verdict


def test_changing_a_recorded_vote_changes_the_vote_verdict(repo):
    path = repo / "sources/reference/unga_es11_6_roll_call.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("KAZ,Kazakhstan,abstain", "KAZ,Kazakhstan,yes").replace(
        "AFG,Afghanistan,yes", "AFG,Afghanistan,abstain"
    )
    path.write_text(text, encoding="utf-8")
    build(repo, out=lambda line: None)
    row = claims(repo).loc["vote-central-asian-five"]
    assert row["verdict"] == "discrepant" and "KAZ yes" in row["rule_detail"]


def test_quality_report_lists_every_discrepancy_and_garbled_passage():
    report = (ROOT / "data" / "quality-report.md").read_text(encoding="utf-8")
    table = claims()
    for claim_id in table[table["verdict"].isin(["discrepant", "garbled", "unverifiable"])].index:
        assert f"`{claim_id}`" in report
    assert "| discrepant | 3 |" in report and "12 (100%)" in report and "claims-parquet: valid" in report


def test_vote_claims_link_to_the_votes_rows_they_concern():
    table = claims()
    votes = pd.read_parquet(ROOT / "data" / "votes.parquet")
    row = table.loc["vote-central-asian-five"]
    assert row["resolution_symbol"] == "A/RES/ES-11/6"
    linked = votes[
        (votes["resolution_symbol"] == row["resolution_symbol"]) & votes["iso3"].isin(row["vote_iso3s"].split(";"))
    ]
    assert len(linked) == 5 and linked["in_article"].all()


def test_a_rule_given_params_it_cannot_use_is_refused_and_publishes_nothing(repo):
    from scripts.core.errors import AnnotationFormatError

    from .conftest import tree_digest

    before = tree_digest(repo)
    path = repo / "sources/articles/blinken-astana-2023-02-28/annotations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "params: {countries: [KAZ, RUS], tolerance: 0.05}", "params: {countries: [KAZ, RUS]}"
        ),
        encoding="utf-8",
    )
    with pytest.raises(AnnotationFormatError, match=r"kaz-rus-border-length.*params.*tolerance"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before
