"""Where things are in a repository: one definition of the checkout's root and of every input and output folder.

Every function that reads or writes takes the repository root as an argument (the commands' `--root`); these are
the paths below it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # this checkout: the default of every command's --root

SOURCES = Path("sources")
ARTICLES = SOURCES / "articles"
ACTORS = SOURCES / "actors.yaml"
REFERENCE = SOURCES / "reference"
VOCABULARIES = SOURCES / "vocabularies"
LEXICON = SOURCES / "lexicon"
SCHEMAS = Path("schemas")
INPUT_SCHEMAS = SCHEMAS / "input"
PACKAGE_META = SCHEMAS / "package.json"
DATA = Path("data")
DESCRIPTOR = Path("datapackage.json")
README = Path("README.md")
