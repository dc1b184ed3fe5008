"""Hostile and broken inputs (the catalogue in tests/hostile.py): each is refused with its named error, in one line that
names the file, the item, the field and the fix, and data/ stays byte-identical to before.

Every case fails while loading, staging or linking, before anything is written, so each runs in-process on its own copy
of the repository. The command line's side of a refusal (exit code 1, one `error:` line, no traceback) is shown here
in-process through `scripts.build.main` and, once as a real process, in tests/test_bad_input.py."""

from __future__ import annotations

import pytest

from scripts.build import build, main
from scripts.core import errors

from .conftest import tree_digest
from .hostile import CASES

ON_THE_COMMAND_LINE = ("article-utf-16", "yaml-billion-laughs", "yaml-object-tag", "article-linked-outside")


def test_the_catalogue_names_each_case_once_and_only_errors_that_exist():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert all(issubclass(getattr(errors, case.error), errors.BuildError) for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_is_refused_by_name_in_one_line_and_data_is_untouched(repo, case):
    case.apply(repo)
    before = tree_digest(repo)
    with pytest.raises(errors.BuildError) as caught:
        build(repo, out=lambda line: None)
    message = str(caught.value)
    assert type(caught.value).__name__ == case.error, message
    assert "Fix:" in message and "\n" not in message
    assert caught.value.file and caught.value.item and caught.value.field, message
    for word in case.words:
        assert word in message, message
    assert tree_digest(repo) == before


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.name in ON_THE_COMMAND_LINE], ids=lambda case: case.name
)
def test_command_line_answers_hostile_input_with_one_error_line_and_exit_code_1(repo, case, capsys):
    case.apply(repo)
    before = tree_digest(repo)
    assert main(["--root", str(repo)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"error: {case.error}: ") and "Fix:" in lines[0]
    assert lines[1:] == ["nothing was published: data/ and datapackage.json are unchanged."]
    assert tree_digest(repo) == before
