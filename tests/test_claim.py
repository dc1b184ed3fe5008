"""Claims: each checkable statement of the article against the record, with a verdict the data computes."""

from __future__ import annotations

import pandas as pd
import pytest

from scripts.build import build
from scripts.core import errors
from scripts.core.registry import input_schema
from scripts.stage import claim as claim_stage
from scripts.stage.claim import RULES

from .conftest import ROOT, tree_digest
from .hostile import ANNOTATIONS as ANN
from .hostile import replace

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
        ("five-former-soviet-republics", "consistent"),
        ("date-tuesday-reaffirmed", "consistent"),
        ("china-neighbour-of-the-five", "discrepant"),
        ("russia-neighbour-of-the-five", "discrepant"),
        ("russia-neighbour-of-the-region", "consistent"),
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
    assert "missing: Kazakhstan (KAZ)." in claims().loc["c5-list-of-states", "rule_detail"]


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
    counts = table["verdict"].value_counts()
    assert f"{counts['discrepant']} discrepant, {counts['garbled']} garbled" in report
    assert "12 (100%)" in report and "All 33 resources valid" in report


def test_vote_claims_link_to_the_votes_rows_they_concern():
    table = claims()
    votes = pd.read_parquet(ROOT / "data" / "votes.parquet")
    row = table.loc["vote-central-asian-five"]
    assert row["resolution_symbol"] == "A/RES/ES-11/6"
    linked = votes[
        (votes["resolution_symbol"] == row["resolution_symbol"]) & votes["iso3"].isin(row["vote_iso3s"].split(";"))
    ]
    assert len(linked) == 5 and (linked["statement_count"] >= 1).all()


def test_schema_params_and_rules_name_the_same_rules():
    schema = input_schema("annotations")
    item = schema["properties"]["claims"]["items"]
    enum = item["properties"]["rule"]["enum"]
    params = {name.removeprefix("params-") for name in schema["$defs"] if name.startswith("params-")}
    branches = {
        branch["if"]["properties"]["rule"]["const"]: branch["then"]["properties"]["params"]["$ref"]
        for branch in item["allOf"]
    }
    assert len(enum) == len(set(enum)) == len(item["allOf"])
    assert set(enum) == params == set(RULES) == set(branches)
    assert all(ref == f"#/$defs/params-{rule}" for rule, ref in branches.items())


BORDER_PARAMS = "params: {countries: [KAZ, RUS], tolerance: 0.05}"
PARAMS_ERRORS = [
    # id, old, new, the claim, words the message must contain
    (
        "missing-param",
        BORDER_PARAMS,
        "params: {countries: [KAZ, RUS]}",
        "kaz-rus-border-length",
        ["'tolerance' is a required property"],
    ),
    (
        "wrong-type",
        BORDER_PARAMS,
        "params: {countries: [KAZ, RUS], tolerance: five}",
        "kaz-rus-border-length",
        ["tolerance", "'five' is not of type 'number'"],
    ),
    (
        "out-of-range",
        BORDER_PARAMS,
        "params: {countries: [KAZ, RUS], tolerance: 5}",
        "kaz-rus-border-length",
        ["tolerance", "greater than the maximum of 1"],
    ),
    (
        "one-country",
        BORDER_PARAMS,
        "params: {countries: [KAZ], tolerance: 0.05}",
        "kaz-rus-border-length",
        ["countries", "too short"],
    ),
    (
        "unknown-param",
        BORDER_PARAMS,
        "params: {countries: [KAZ, RUS], tolerance: 0.05, tolerence: 0.1}",
        "kaz-rus-border-length",
        ["tolerence"],
    ),
    (
        "no-params",
        "    rule: no_reference\n    params:\n      reason: The reference data hold no list of Blinken",
        "    rule: no_reference\n    notes: The reference data hold no list of Blinken",
        "first-visit",
        ["'params' is a required property"],
    ),
    (
        "empty-keywords",
        "params: {keywords: [President]}",
        "params: {keywords: []}",
        "role-tokayev-president",
        ["keywords", "should be non-empty"],
    ),
    (
        "weekday-without-date",
        "params: {weekday: Thursday, resolution: A/RES/ES-11/6}",
        "params: {weekday: Thursday}",
        "vote-date-thursday",
        ["'key_date' is a required property"],
    ),
]


@pytest.mark.parametrize("case", PARAMS_ERRORS, ids=[c[0] for c in PARAMS_ERRORS])
def test_params_a_rule_cannot_use_are_refused_by_the_schema_and_publish_nothing(repo, case):
    _, old, new, claim_id, words = case
    before = tree_digest(repo)
    replace(ANN, old, new)(repo)
    with pytest.raises(errors.AnnotationFormatError) as caught:
        build(repo, out=lambda line: None)
    error, message = caught.value, str(caught.value)
    assert error.item.startswith("claims[") and f"(id: {claim_id})" in error.item
    assert "params" in message and "annotations.schema.json" in error.fix
    for word in words:
        assert word in message, message
    assert tree_digest(repo) == before


MISSING_RECORDS = [
    # id, old, new, error, the claim, the field, words the message must contain
    (
        "unknown-key-date",
        "key_date: Russian full-scale invasion of Ukraine begins",
        "key_date: Russian invasion begins",
        errors.UnknownReference,
        "date-days-after-anniversary",
        "params.key_date",
        ["'Russian invasion begins'", "key_dates.csv"],
    ),
    (
        "unknown-resolution",
        "params: {weekday: Thursday, resolution: A/RES/ES-11/6}",
        "params: {weekday: Thursday, resolution: A/RES/ES-11/99}",
        errors.UnknownReference,
        "vote-date-thursday",
        "params.resolution",
        ["'A/RES/ES-11/99'", "unga_resolutions.csv"],
    ),
    (
        "unknown-resolution-of-force",
        "params: {resolution: A/RES/ES-11/6, binding_words",
        "params: {resolution: A/RES/ES-11/7, binding_words",
        errors.UnknownReference,
        "vote-bill-requiring-withdrawal",
        "params.resolution",
        ["'A/RES/ES-11/7'"],
    ),
    (
        "unknown-group",
        "params: {group: C5+1,",
        "params: {group: C6+1,",
        errors.UnknownReference,
        "c5-list-of-states",
        "params.group",
        ["'C6+1'", "entities.csv"],
    ),
    (
        "unknown-subject",
        "params: {subject: antony-blinken,",
        "params: {subject: anthony-blinken,",
        errors.UnknownActor,
        "c5-blinken-meets-himself",
        "params.subject",
        ["'anthony-blinken'", "actors.yaml"],
    ),
    (
        "partner-not-in-evidence",
        "partner: Blinken,",
        "partner: Lavrov,",
        errors.EvidenceNotFound,
        "c5-blinken-meets-himself",
        "params.partner",
        ["'Lavrov'"],
    ),
    (
        "state-without-vote",
        "states: [KAZ, KGZ, TJK, TKM, UZB], allowed",
        "states: [KAZ, KGZ, TJK, TKM, VAT], allowed",
        errors.UnknownCode,
        "vote-central-asian-five",
        "params.states",
        ["VAT", "A/RES/ES-11/6"],
    ),
    (
        "no-number",
        "article_value: 7,500 km",
        "article_value: seven thousand km",
        errors.AnnotationFormatError,
        "kaz-rus-border-length",
        "article_value",
        ["'seven thousand km' states no number"],
    ),
]


@pytest.mark.parametrize("case", MISSING_RECORDS, ids=[c[0] for c in MISSING_RECORDS])
def test_a_claim_naming_a_record_that_does_not_exist_is_refused_by_name(repo, case):
    _, old, new, error, claim_id, field, words = case
    before = tree_digest(repo)
    replace(ANN, old, new)(repo)
    with pytest.raises(error) as caught:
        build(repo, out=lambda line: None)
    message = str(caught.value)
    assert caught.value.file.endswith("annotations.yaml") and caught.value.item == f"claims (id: {claim_id})"
    assert caught.value.field == field and "Fix:" in message
    for word in words:
        assert word in message, message
    assert tree_digest(repo) == before


def test_a_factbook_pair_without_a_row_is_unverifiable_not_refused(repo):
    replace(ANN, BORDER_PARAMS, "params: {countries: [KAZ, USA], tolerance: 0.05}")(repo)
    build(repo, out=lambda line: None)
    row = claims(repo).loc["kaz-rus-border-length"]
    assert row["verdict"] == "unverifiable" and row["rule_detail"] == "no Factbook row for KAZ-USA."


@pytest.mark.parametrize("bug", [ZeroDivisionError, KeyError, TypeError, ValueError, StopIteration])
def test_a_bug_inside_a_rule_propagates_as_itself_not_as_bad_input(repo, monkeypatch, bug):
    def broken(claim, params, record, article):
        raise bug("a bug in the rule")

    monkeypatch.setitem(claim_stage.RULES, "border_length", broken)
    before = tree_digest(repo)
    with pytest.raises(bug, match="a bug in the rule") as caught:
        build(repo, out=lambda line: None)
    assert not isinstance(caught.value, errors.BuildError)
    assert tree_digest(repo) == before
