"""The codebase's shape is part of its contract: the pipeline's stages are folders, the build never imports the
drafter, functions fit on a screen, the project's version is written once."""

from __future__ import annotations

import ast
import json
import tomllib
from pathlib import Path

import pytest

from scripts.publish.pages import PAGE_CODE
from scripts.publish.timeline import TIMELINE_CODE
from scripts.stage.cache import STAGING_CODE

from .conftest import ROOT

SCRIPTS = ROOT / "scripts"
STAGES = ("core", "load", "stage", "link", "publish", "draft", "tools")
LONGEST = 60


def modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def imported(path: Path) -> set[str]:
    """The scripts.* modules a file imports (relative imports resolved)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            found.add(".".join(base + (node.module.split(".") if node.module else [])))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_stages_of_the_pipeline_are_folders_of_scripts():
    assert all((SCRIPTS / stage / "__init__.py").exists() for stage in STAGES)
    loose = sorted(p.name for p in SCRIPTS.glob("*.py") if p.name != "__init__.py")
    assert loose == ["add_article.py", "build.py", "evaluate.py", "review.py"], "commands only at the top"


@pytest.mark.parametrize("stage", ["core", "load", "stage", "link", "publish"])
def test_nothing_in_the_build_imports_the_drafter(stage):
    for path in modules(SCRIPTS / stage) + [SCRIPTS / "build.py"]:
        assert not any(name.startswith("scripts.draft") for name in imported(path)), path


def test_no_function_of_the_product_is_longer_than_a_screen():
    long = []
    for path in modules(SCRIPTS):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > LONGEST:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})")
    assert not long, long


def test_the_version_of_pyproject_is_the_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == json.loads((ROOT / "schemas" / "package.json").read_text(encoding="utf-8"))["version"]


def code_of(parts: tuple[str, ...]) -> set[Path]:
    paths = [SCRIPTS / part for part in parts]
    return {p for path in paths for p in ([path] if path.is_file() else modules(path))}


@pytest.mark.parametrize(
    "keyed, allowed",
    [
        (STAGING_CODE, ("scripts.core", "scripts.load", "scripts.stage")),
        (
            PAGE_CODE,
            (
                "scripts.core",
                "scripts.publish.site",
                "scripts.publish.pages",
                "scripts.publish.codec",
                "scripts.publish.entries",
                "scripts.stage.cache",
            ),
        ),
        (
            TIMELINE_CODE,
            (
                "scripts.publish.timeline",
                "scripts.publish.overview",
                "scripts.publish.picture",
                "scripts.publish.entries",
                "scripts.stage.cache",
            ),
        ),
    ],
    ids=["staged articles", "site pages", "timeline picture"],
)
def test_a_cache_key_covers_all_the_code_that_made_the_entry(keyed, allowed):
    """The caches of .build-cache/ are keyed by the hash of some folders of scripts/ only: that code imports no other."""
    for path in code_of(keyed):
        others = {name for name in imported(path) if name.startswith("scripts.") and not name.startswith(allowed)}
        assert not others, f"{path.relative_to(ROOT)} imports {others}, which the cache key does not cover"
