"""The quality report reads top-down for an editor: verdicts and problems first, validation in one line, sentences
instead of Python reprs, hostile text shown as text."""

from __future__ import annotations

import re
from collections import Counter

from openpyxl import load_workbook

from scripts.publish.report import render_quality_report
from scripts.publish.workbook import ABOUT, workbook_name

from .conftest import ROOT
from .package_checks import published

REPORT = (ROOT / "data" / "quality-report.md").read_text(encoding="utf-8")
REPR = re.compile(r"\[['\"]|['\"]\]|\[\]|\{['\"]|\b\d+ rows?\)?: valid|\b1 rows\b")


def test_verdicts_and_problems_come_before_what_passed():
    headings = re.findall(r"^## (.+)$", REPORT, re.M)
    assert headings[:3] == ["At a glance", "Discrepancies", "Garbled passages"]
    assert headings.index("Sentence coverage") > headings.index("Consistent with the record")
    glance = REPORT.split("## At a glance", 1)[1].split("\n## ", 1)[0]
    claims = published(ROOT)["claims"]
    verdicts = Counter(c["verdict"] for c in claims)
    single = sum(c["record_certainty"] == "single_source" for c in claims)
    assert f"**{len(claims)} claims** checked against the record: {verdicts['discrepant']} discrepant, " in glance
    assert f"{single} verdicts rest on a single source" in glance


def test_validation_is_one_line_when_everything_passed():
    assert len(re.findall(r"valid", REPORT, re.I)) == 1
    rows = sum(len(table) for table in published(ROOT).values())
    assert f"All 33 resources valid ({rows:,} rows in each format): frictionless on the CSVs" in REPORT


def test_no_python_repr_anywhere_a_person_reads():
    assert not REPR.search(REPORT), REPR.search(REPORT)
    tables = published(ROOT)
    for row in tables["claims"]:
        for field in ("record_value", "record_source", "rule_detail"):
            assert not REPR.search(row[field] or ""), (row["claim_id"], row[field])
    claims = {row["claim_id"]: row["rule_detail"] for row in tables["claims"]}
    bill = claims["vote-bill-requiring-withdrawal"]
    assert "the article's words “bill” and “requiring” describe a binding act" in bill
    assert claims["five-former-soviet-republics"].endswith(
        "for 5 of 5 states (KAZ, KGZ, TJK, TKM and UZB); the others are not in it."
    )
    assert "“Secretary of State” and “Central Asian Affairs”" in claims["role-lu-central-asia-diplomat"]


def test_counts_agree_with_their_noun():
    about = load_workbook(ROOT / "data" / workbook_name(ROOT))[ABOUT]
    counts = [row[1] for row in about.iter_rows(values_only=True) if row[1] and str(row[1]).startswith("(")]
    assert "(1 row)" in counts and not any(re.fullmatch(r"\(1 rows\)", c) for c in counts)
    assert "1 scare quote)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_html_and_markdown_in_a_claim_show_as_text():
    tables = published(ROOT)
    hostile = "<script>alert(1)</script> *bold* | [link](http://x) &amp;"
    claim = next(c for c in tables["claims"] if c["verdict"] == "discrepant")
    tables["claims"] = [{**claim, "notes": hostile, "rule_detail": hostile, "evidence": hostile}]
    report = render_quality_report(tables, ["All valid."])
    assert "<script" not in report and "&lt;script>" in report
    assert r"\*bold\*" in report and r"\[link\](http://x)" in report and "&amp;amp;" in report
    assert "Note: &lt;script>" in report


def test_drafted_rows_are_a_problem_named_at_the_top():
    tables = published(ROOT)
    tables["events"] = [{**row, "review_status": "drafted"} for row in tables["events"][:2]] + tables["events"][2:]
    glance = render_quality_report(tables, ["All valid."]).split("## At a glance", 1)[1].split("\n## ", 1)[0]
    assert "**2 rows machine-drafted and not reviewed** (events 2)" in glance
