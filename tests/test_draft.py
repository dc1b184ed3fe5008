"""The draft command, its annotation file, adding an article, and the build's policy for unreviewed drafts."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml

from scripts.build import build
from scripts.core import errors
from scripts.core.registry import load_schema
from scripts.load.inputs import validator
from scripts.publish.codec import read_csv_rows
from scripts.tools.add_article import add_article

from .conftest import ROOT, SEED, tree_digest

CORPUS = ROOT / "tests" / "draft_corpus"
ARTICLE = CORPUS / "reuters-unga-anniversary-vote" / "article.txt"


def run_draft(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.draft", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_json_draft_has_the_documented_keys_and_fields():
    result = run_draft(str(ARTICLE), "--published", "2023-02-23", "--json")
    assert result.returncode == 0, result.stderr
    draft = json.loads(result.stdout)
    assert {"quotes", "dates", "mentions", "amounts", "votes", "events"} <= draft.keys()
    assert all({"text", "kind", "start", "end"} <= q.keys() for q in draft["quotes"])
    assert all({"text", "value", "precision"} <= d.keys() for d in draft["dates"])
    assert all({"text", "kind"} <= m.keys() and ("iso3" in m or m["kind"] != "country") for m in draft["mentions"])
    assert all({"text", "value", "unit"} <= a.keys() for a in draft["amounts"])
    assert all(v["vote"] in ("yes", "no", "abstain", "non_voting") and len(v["iso3"]) == 3 for v in draft["votes"])


def test_yaml_draft_follows_the_annotation_schema_and_marks_every_item_drafted():
    result = run_draft(str(ARTICLE), "--published", "2023-02-23")
    assert result.returncode == 0, result.stderr
    notes = yaml.safe_load(result.stdout)
    validator("annotations", ROOT).validate(notes)
    for section in ("events", "quotes", "sentence_notes"):
        assert notes[section] and all(item["review"] == "drafted" for item in notes[section])
    assert notes["mentions"] == {} and notes["drafted_mentions"]


def test_without_a_publication_date_the_draft_names_what_it_could_not_resolve():
    result = run_draft(str(ARTICLE), "--json")
    assert result.returncode == 0
    assert "left unresolved" in result.stderr and "'Friday'" in result.stderr
    assert all(d.get("value") is None for d in json.loads(result.stdout)["dates"] if d["rule"] == "weekday")


@pytest.mark.parametrize(
    "args, words",
    [
        (["missing.txt"], "no such file"),
        ([str(ARTICLE), "--published", "2023-02-30"], "not a date"),
    ],
)
def test_draft_refuses_bad_arguments_with_one_line(args, words):
    result = run_draft(*args)
    assert result.returncode != 0 and words in result.stderr and "Traceback" not in result.stderr


def test_added_article_is_refused_until_reviewed_and_published_marked_with_allow_drafts(repo):
    folder = add_article(
        ARTICLE, "reuters-unga-vote-2023-02-23", "U.N. demands Russian withdrawal", dt.date(2023, 2, 23), repo
    )
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.yaml", "article.txt", "metadata.yaml"]
    assert (folder / "article.txt").read_bytes() == ARTICLE.read_bytes()
    before = tree_digest(repo)
    with pytest.raises(errors.UnreviewedDraft) as caught:
        build(repo, out=lambda line: None)
    assert "annotations.yaml" in str(caught.value) and "--allow-drafts" in str(caught.value)
    assert tree_digest(repo) == before
    lines: list[str] = []
    build(repo, out=lines.append, allow_drafts=True)
    assert tree_digest(repo) == before, "a preview never touches data/ or datapackage.json"
    assert lines[-1].startswith("preview (drafts allowed) in build/preview/, never in data/")
    assert any(line.startswith("against the published package: ") and "events:" in line for line in lines)
    preview = repo / "build" / "preview"
    events = read_csv_rows(preview / "data" / "events.csv", load_schema("events"))
    drafted = [row for row in events if row["source_id"] == folder.name]
    assert drafted and {row["review_status"] for row in drafted} == {"drafted"}
    assert {row["review_status"] for row in events if row["source_id"] == SEED} == {"reviewed"}
    mentions = read_csv_rows(preview / "data" / "mentions.csv", load_schema("mentions"))
    assert {row["review_status"] for row in mentions if row["source_id"] == folder.name} == {"drafted"}
    assert (
        "(drafted, not reviewed)" in (preview / "data" / "timeline.svg").read_text(encoding="utf-8") or len(events) > 40
    )
    build(repo, out=lambda line: None, allow_drafts=True)  # a second preview replaces the first
    assert tree_digest(repo) == before


def test_add_article_refuses_an_id_in_use(repo):
    with pytest.raises(SystemExit, match="exists"):
        add_article(ARTICLE, SEED, "title", dt.date(2023, 2, 23), repo)


def test_reviewed_items_publish_as_reviewed_and_one_drafted_item_blocks_the_build(repo):
    path = repo / "sources" / "articles" / SEED / "annotations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    status: happened\n", "    status: happened\n    review: drafted\n", 1), encoding="utf-8"
    )
    before = tree_digest(repo)
    with pytest.raises(errors.UnreviewedDraft, match=r"events\[0\] \(id: blinken-visits-kazakhstan\)"):
        build(repo, out=lambda line: None)
    assert tree_digest(repo) == before
    path.write_text(
        text.replace("    status: happened\n", "    status: happened\n    review: reviewed\n", 1), encoding="utf-8"
    )
    build(repo, out=lambda line: None)
    assert tree_digest(repo) == before


def test_many_articles_in_one_call_one_annotations_file_each(tmp_path):
    first, second = CORPUS / "afp-tashkent-blinken-aid" / "article.txt", CORPUS / "ap-nato-vilnius-linebreak"
    loose = tmp_path / "loose-story.txt"
    loose.write_text("Blinken met Tokayev in Astana on Tuesday.\n", encoding="utf-8")
    result = run_draft(
        str(first), str(second), str(tmp_path), "--out-dir", str(tmp_path / "out"), "--published", "2023-07-11"
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "afp-tashkent-blinken-aid.annotations.yaml",
        "ap-nato-vilnius-linebreak.annotations.yaml",
        "loose-story.annotations.yaml",
    ]
    notes = yaml.safe_load((tmp_path / "out" / "loose-story.annotations.yaml").read_text(encoding="utf-8"))
    validator("annotations", ROOT).validate(notes)
    assert notes["events"][0]["id"].startswith("loose-story-e1")


def test_several_articles_without_an_output_folder_are_refused():
    result = run_draft(str(ARTICLE), str(ARTICLE))
    assert result.returncode != 0 and "--out-dir" in result.stderr
