"""The coding conventions the build enforces, each shown refusing a broken copy of the inputs (data/ untouched) and
holding on the published package: PLOVER against PLOVER's CAMEO mapping, planned happenings coded as intents, the
kind of every mention, the basis of a place, record_certainty from the number of independent sources, every
checkable statement a claim or listed as not checked."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from scripts.build import build
from scripts.core import errors
from scripts.core.repo import LEXICON
from scripts.stage.unchecked import checkable_cues
from scripts.tools.add_article import add_article

from .conftest import ROOT, SEED, tree_digest
from .hostile import ANNOTATIONS as ANN
from .hostile import replace


def edit(repo, relpath: str, old: str, new: str) -> None:
    replace(relpath, old, new)(repo)


VALUE_SOURCES = "sources/reference/value_sources.csv"
MAPPING = "sources/vocabularies/cameo_plover_mapping.csv"
DIPLOMACY = '    cameo: "050"\n    plover: SUPPORT\n'
RUSSIAN = (
    "  russians:\n    - {text: Russian, kind: ethnonym, within: the large Russian minority}\n"
    "  russian-language:\n    - {text: Russian, kind: language, within: Russian speakers}\n"
)

REFUSED = [
    # id, file, old, new, error, field, words the message must contain
    (
        "plover-contradicts-the-mapping",
        ANN,
        DIPLOMACY,
        '    cameo: "050"\n    plover: COOPERATE\n',
        errors.CodeMismatch,
        "plover",
        ["CAMEO 050", "maps to PLOVER SUPPORT", "gives COOPERATE", "plover_exception"],
    ),
    (
        "an-exception-that-departs-from-nothing",
        ANN,
        DIPLOMACY,
        DIPLOMACY + "    plover_exception: A reason for nothing.\n",
        errors.CodeMismatch,
        "plover_exception",
        ["no exception to explain"],
    ),
    (
        "a-mapping-row-outside-the-vocabularies",
        MAPPING,
        '"050","SUPPORT"',
        '"050","COOPERATION"',
        errors.ReferenceMismatch,
        "cameo",
        ["'050'", "COOPERATION"],
    ),
    (
        "planned-meeting-coded-as-the-meeting",
        ANN,
        '    cameo: "036"\n    plover: AGREE\n    coding_note: >-\n      Reported as future ("he will meet")',
        '    cameo: "040"\n    plover: CONSULT\n    coding_note: >-\n      Reported as future ("he will meet")',
        errors.CodeMismatch,
        "cameo",
        ["planned", "040", '"036"'],
    ),
    (
        "state-adjective-for-a-people-and-a-language",
        ANN,
        RUSSIAN,
        "",
        errors.MentionKindMismatch,
        "Russian",
        ["“Russian minority”", "names a people, not the state 'russia'", "kind: ethnonym"],
    ),
    (
        "ethnonym-linked-to-a-state",
        ANN,
        RUSSIAN,
        "  russians:\n    - {text: Russian, kind: ethnonym, within: Russian speakers}\n"
        "  russian-language:\n    - {text: Russian, kind: ethnonym, within: the large Russian minority}\n",
        errors.MentionKindMismatch,
        "Russian",
        ["of kind ethnonym", "'russian-language', an actor of kind language"],
    ),
    (
        "registered-adjective-left-out",
        ANN,
        "  kazakhstan: [Kazakhstan, Kazakh, ",
        "  kazakhstan: [Kazakhstan, ",
        errors.MissingMention,
        "Kazakh",
        ["'Kazakh' at 892–898", "his Kazakh counterpart", "mentions.kazakhstan"],
    ),
    (
        "one-name-for-two-actors-unlimited",
        ANN,
        "    - {text: Russian, kind: language, within: Russian speakers}",
        "    - {text: Russian, kind: language}",
        errors.AnnotationFormatError,
        "Russian",
        ["also given to 'russia'", "within:"],
    ),
    (
        "implied-place-without-its-basis",
        ANN,
        "    place_note: Said on Tuesday, the day of the visit to Astana (key_dates.csv).\n",
        "",
        errors.AnnotationFormatError,
        "place_note",
        ["place_basis: implied gives no basis", "Astana"],
    ),
    (
        "stated-place-the-article-never-names",
        ANN,
        "    place: tashkent\n    place_basis: implied\n"
        "    place_note: Tashkent, where he landed that evening (key_dates.csv); the article names only Uzbekistan.\n",
        "    place: tashkent\n    place_basis: stated\n",
        errors.AnnotationFormatError,
        "place_basis",
        ["never name Tashkent"],
    ),
    (
        "a-value-source-naming-no-column",
        VALUE_SOURCES,
        "entities.csv,Donald Lu,role_2023,",
        "entities.csv,Donald Lu,name_2023,",
        errors.ReferenceMismatch,
        "field",
        ["no column 'name_2023'"],
    ),
    (
        "unchecked-statement",
        ANN,
        "  - kind: number\n    evidence: the large Russian minority\n",
        "  - kind: number\n    evidence: the large Russian majority\n",
        errors.EvidenceNotFound,
        "evidence",
        ["the large Russian majority"],
    ),
    (
        "checkable-statement-neither-claimed-nor-listed",
        ANN,
        "  - kind: characterisation\n    evidence: as it forged alliances with various partners\n",
        "  - kind: characterisation\n    evidence: with various partners\n",
        errors.UncheckedStatement,
        "claims",
        ["“alliances”", "unchecked"],
    ),
    (
        "a-neighbour-left-unchecked",
        ANN,
        "    evidence: this region, which is in the sphere of influence of the powerful neighbor of Russia\n",
        "    evidence: this region, which is in the sphere of influence\n",
        errors.UncheckedStatement,
        "claims",
        ["“neighbor”", "characterisation"],
    ),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c[0] for c in REFUSED])
def test_a_broken_convention_is_refused_by_name_and_publishes_nothing(repo, case):
    _, relpath, old, new, error, field, words = case
    before = tree_digest(repo)
    edit(repo, relpath, old, new)
    with pytest.raises(error) as caught:
        build(repo, out=lambda line: None)
    message = str(caught.value)
    assert caught.value.field == field and "Fix:" in message, message
    for word in words:
        assert word in message, message
    assert tree_digest(repo) == before


def table(name: str, root=ROOT) -> pd.DataFrame:
    return pd.read_parquet(root / "data" / f"{name}.parquet")


def read_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plover_mapping() -> dict[str, str]:
    return {row["cameo"]: row["plover"] for row in read_rows(ROOT / MAPPING)}


def test_every_plover_type_is_the_one_the_cameo_mapping_gives_or_states_why_not():
    mapping = plover_mapping()
    for _, event in table("events").iterrows():
        if pd.notna(event["cameo_code"]) and pd.isna(event["plover_exception"]):
            assert (None if pd.isna(event["plover_type"]) else event["plover_type"]) == mapping.get(event["cameo_code"])
    assert all(mapping[code] == "SUPPORT" for code in mapping if code.startswith("05"))


def test_a_plover_exception_with_its_reason_is_published(repo):
    edit(
        repo,
        ANN,
        DIPLOMACY,
        '    cameo: "050"\n    plover: COOPERATE\n    plover_exception: A test of the exception field.\n',
    )
    build(repo, out=lambda line: None)
    row = table("events", repo).set_index("event_id").loc["kazakhstan-multifaceted-diplomacy"]
    assert (row["plover_type"], row["plover_exception"]) == ("COOPERATE", "A test of the exception field.")


def test_plover_left_out_is_derived_from_the_cameo_code():
    events = table("events").set_index("event_id")
    host = events.loc["kazakhstan-hosts-blinken"]
    assert (host["cameo_code"], host["plover_type"], host["source_actor_id"]) == ("043", "CONSULT", "kazakhstan")


def test_the_drafters_event_verbs_follow_the_cameo_mapping():
    mapping = plover_mapping()
    for row in read_rows(ROOT / LEXICON / "event_verbs.csv"):
        assert (row["plover"] or None) == mapping.get(row["cameo"]), row


def test_planned_happenings_are_coded_as_intents():
    events = table("events")
    planned = events[events["status"] == "planned"]
    assert len(planned) == 3 and planned["cameo_code"].str.startswith("03").all()
    assert set(planned["cameo_code"]) == {"036"} and set(planned["plover_type"]) == {"AGREE"}


def test_mentions_record_their_kind_and_ethnonyms_never_name_a_state():
    mentions = table("mentions")
    actors = table("actors").set_index("actor_id")
    kinds = mentions.assign(actor_kind=mentions["actor_id"].map(actors["kind"]))
    wrong = kinds["kind"].isin(["ethnonym", "language"]) & kinds["actor_kind"].isin(["state", "historical_state"])
    assert not wrong.any()
    seed = kinds[kinds["source_id"] == SEED].set_index("text_start")
    assert (seed.loc[1174, "actor_id"], seed.loc[1174, "kind"]) == ("russians", "ethnonym")
    assert seed[seed["text"] == "Russian"].loc[1258, "actor_id"] == "russian-language"
    kazakh = seed.loc[892]
    assert (kazakh["actor_id"], kazakh["kind"], kazakh["text"]) == ("kazakhstan", "adjective", "Kazakh")
    assert actors.loc["russia", "mention_count"] == 10


def test_every_implied_place_gives_its_basis():
    events = table("events")
    implied = events[events["place_basis"] == "implied"]
    assert len(implied) == 5 and implied["place_note"].notna().all()
    assert events[events["place_basis"] != "implied"]["place_note"].isna().all()


@pytest.mark.parametrize(
    "claim_id, certainty",
    [
        ("role-blinken-secretary-of-state", "single_source"),  # one source (an en.wikipedia mirror), term or not
        ("role-tileuberdi-foreign-minister", "confirmed"),  # two sources, though the record gives no term
        ("role-putin-president", "confirmed"),
        ("role-lu-central-asia-diplomat", "single_source"),  # State Department releases copied three times: one
        ("kaz-rus-border-length", "single_source"),  # the Factbook, however many profiles agree
        ("date-tuesday-visit", "confirmed"),
        ("vote-central-asian-five", "confirmed"),
        ("first-visit", "none"),
    ],
)
def test_record_certainty_counts_the_independent_sources_of_the_value(claim_id, certainty):
    assert table("claims").set_index("claim_id").loc[claim_id, "record_certainty"] == certainty


def test_record_certainty_follows_the_sources_listed_for_the_value(repo):
    path = repo / VALUE_SOURCES
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Antony Blinken,role_2023,en.wikipedia mirror (movatter.jp)",
        "Antony Blinken,role_2023,en.wikipedia mirror (movatter.jp); a second source",
    )
    text = text.replace("Mukhtar Tileuberdi,role_2023,Astana Times; Interfax", "Mukhtar Tileuberdi,role_2023,Interfax")
    path.write_text(text, encoding="utf-8")
    build(repo, out=lambda line: None)
    claims = table("claims", repo).set_index("claim_id")
    assert claims.loc["role-blinken-secretary-of-state", "record_certainty"] == "confirmed"
    assert claims.loc["role-tileuberdi-foreign-minister", "record_certainty"] == "single_source"


def test_a_verdict_resting_on_a_value_without_listed_sources_is_refused(repo):
    path = repo / VALUE_SOURCES
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if not line.startswith("entities.csv,Donald Lu,role_2023,")), encoding="utf-8"
    )
    before = tree_digest(repo)
    with pytest.raises(errors.UnknownReference) as caught:
        build(repo, out=lambda line: None)
    assert caught.value.item == "claims (id: role-lu-central-asia-diplomat)"
    assert "gives no sources for entities.csv: Donald Lu: role_2023" in str(caught.value)
    assert tree_digest(repo) == before


def test_the_neighbour_claims_read_the_factbooks_borders():
    claims = table("claims").set_index("claim_id")
    china = claims.loc["china-neighbour-of-the-five"]
    assert china["verdict"] == "discrepant" and "not beside TKM and UZB" in china["rule_detail"]
    assert china["record_value"] == "CHN borders KAZ, KGZ, TJK of KAZ, KGZ, TJK, TKM, UZB"
    assert claims.loc["russia-neighbour-of-the-five", "record_value"].startswith("RUS borders KAZ of")
    assert claims.loc["russia-neighbour-of-the-region", "verdict"] == "consistent"
    assert claims.loc["five-former-soviet-republics", "record_value"] == (
        "KAZ independent 1991-12-16; KGZ independent 1991-08-31; TJK independent 1991-09-09; "
        "TKM independent 1991-10-27; UZB independent 1991-09-01"
    )


def test_every_checkable_cue_of_the_seed_lies_in_a_claim_or_a_statement_listed_as_not_checked(article_text):
    claims = table("claims")
    claims = claims[claims["source_id"] == SEED]
    spans = list(zip(claims["evidence_start"], claims["evidence_end"]))
    report = (ROOT / "data" / "quality-report.md").read_text(encoding="utf-8")
    listed = report.split("## Statements not checked", 1)[1].split("\n## ", 1)[0]
    assert listed.count(f"| {SEED} |") == 7
    for cue in checkable_cues(article_text):
        assert any(s <= cue.start and cue.end <= e for s, e in spans) or cue_listed(listed, cue), cue


def cue_listed(listed: str, cue) -> bool:
    """The cue lies inside a statement the report lists as not checked (its offsets are in the row)."""
    for row in listed.splitlines():
        if row.startswith("| ") and "–" in row:
            offsets = row.split("” (", 1)[1].split(")", 1)[0]
            start, end = (int(n) for n in offsets.split("–"))
            if start <= cue.start and cue.end <= end:
                return True
    return False


def test_a_drafted_article_lists_what_it_does_not_check_as_not_triaged(repo):
    article = ROOT / "tests" / "draft_corpus" / "reuters-unga-anniversary-vote" / "article.txt"
    add_article(article, "reuters-unga-vote-2023-02-23", "U.N. demands Russian withdrawal", dt.date(2023, 2, 23), repo)
    build(repo, out=lambda line: None, allow_drafts=True)
    report = (repo / "build" / "preview" / "data" / "quality-report.md").read_text(encoding="utf-8")
    listed = report.split("## Statements not checked", 1)[1].split("\n## ", 1)[0]
    assert "| reuters-unga-vote-2023-02-23 |" in listed and "not triaged" in listed and "*(drafted)*" in listed
