"""Bad input to the drafter: a named error (UnfitArticle) or a correct, possibly empty, draft. The inputs are those of
the benchmark (scripts/tools/bench_draft.py), smaller; the time they take is the benchmark's business, not a test's."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from scripts.draft import UnfitArticle, draft_article
from scripts.draft.annotations import to_annotations
from scripts.load.inputs import validator
from scripts.tools.bench_draft import hostile_inputs

from .conftest import ROOT

DAY = dt.date(2023, 2, 28)
INPUTS = hostile_inputs(size=30_000, marks=3_000)


def consistent(text: str, draft: dict) -> None:
    """Every finding quotes the text it points at."""
    for kind in ("quotes", "dates", "mentions", "amounts"):
        for item in draft[kind]:
            assert 0 <= item["start"] <= item["end"] <= len(text), (kind, item)
            assert text[item["start"] : item["end"]] == item["text"], (kind, item)
    for event in draft["events"]:
        assert text[event["start"] : event["end"]] == event["evidence"]


@pytest.mark.parametrize("name", list(INPUTS))
def test_hostile_input_gives_a_named_error_or_a_consistent_draft(name):
    text = INPUTS[name]()
    try:
        draft = draft_article(text, DAY)
    except UnfitArticle as error:
        assert str(error) and name in ("binary",), f"{name} refused: {error}"
        return
    consistent(text, draft)
    if len(text) <= 30_000:
        validator("annotations", ROOT).validate(to_annotations(draft, text, "hostile"))


def test_issue_16_input_drafts_to_nothing():
    draft = draft_article("a" * 50_000 + ",. B.", DAY)
    assert (draft["quotes"], draft["mentions"], draft["events"], draft["dates"]) == ([], [], [], [])


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\n"])
def test_empty_text_gives_an_empty_draft(text):
    draft = draft_article(text, DAY)
    assert draft["sentences"] == 0 and not any(draft[k] for k in ("quotes", "dates", "mentions", "events"))


@pytest.mark.parametrize(
    "value, words",
    [
        (b"Blinken met Tokayev.", "must be text"),
        ("Blinken\x00met Tokayev.", r"U\+0000 at offset 7"),
        ("“Open " * 20_001, "left open in one line"),
        (" 'a" * 20_001, "opening single quotation marks"),
    ],
)
def test_input_beyond_the_drafter_is_refused_by_name(value, words):
    with pytest.raises(UnfitArticle, match=words):
        draft_article(value, DAY)


def test_thousands_of_unbalanced_marks_are_drafted_not_refused():
    text = "“Open " * 3_000 + "end."
    assert draft_article(text, DAY)["quotes"] == []


def test_command_line_names_a_binary_file_in_one_line(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x01\x00\x01\x00")
    result = subprocess.run(
        [sys.executable, "-m", "scripts.draft", str(path)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 and "U+0001" in result.stderr and "Traceback" not in result.stderr
