"""The release bundle: versioned, with a checksum, valid after unzipping elsewhere, the same bytes each time."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile

import pytest
from frictionless import Package, system

from scripts.tools.release import ReleaseError, package_version, release

from .conftest import ROOT


def test_bundle_unzipped_elsewhere_validates_and_matches_its_checksum(tmp_path):
    target = release(ROOT, tmp_path / "out")
    name, version = package_version(ROOT)
    assert target.name == f"{name}-{version}.zip"
    digest, filename = (tmp_path / "out" / f"{target.name}.sha256").read_text(encoding="utf-8").split()
    assert filename == target.name and digest == hashlib.sha256(target.read_bytes()).hexdigest()
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / f"{name}-{version}"
    for required in (
        "datapackage.json",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "schemas/events.json",
        "data/events.csv",
        "data/events.parquet",
        "data/timeline.svg",
        f"data/{name}.xlsx",
        "sources/articles/blinken-astana-2023-02-28/article.txt",
    ):
        assert f"{name}-{version}/{required}" in names
    with system.use_context(trusted=False):
        assert Package(str(folder / "datapackage.json")).validate().valid
    assert release(ROOT, tmp_path / "again").read_bytes() == target.read_bytes()
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "from scripts.tools.load import load; "
            "print(load('events')['date'].dtype, load('events', fmt='csv')['cameo_code'].iloc[0])",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.split() == ["datetime64[ns]", "042"]  # the README's loader works in the bundle


def test_version_needs_a_changelog_entry(tmp_path):
    for name in ("schemas", "data", "README.md", "LICENSE", "datapackage.json"):
        source = ROOT / name
        (tmp_path / name).symlink_to(source, target_is_directory=source.is_dir())
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## 0.0.1\n", encoding="utf-8")
    with pytest.raises(ReleaseError, match="CHANGELOG.md has no entry"):
        release(tmp_path, tmp_path / "out")


def test_package_version_is_in_the_descriptor_and_the_changelog():
    _, version = package_version(ROOT)
    assert f'"version": "{version}"' in (ROOT / "datapackage.json").read_text(encoding="utf-8")
    assert f"## {version}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_a_release_whose_article_was_changed_after_the_build_is_refused(tmp_path):
    from .hostile import copy_repo

    root = copy_repo(tmp_path / "repo")
    for name in ("LICENSE", "CHANGELOG.md"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    article = root / "sources/articles/blinken-astana-2023-02-28/article.txt"
    article.write_bytes(article.read_bytes().replace(b"7,500", b"7,600"))
    with pytest.raises(ReleaseError, match="differs from the SHA-256"):
        release(root, tmp_path / "out")


def test_the_command_releases_this_checkout():
    """`python -m scripts.tools.release` (make release) finds the repository from its own place in scripts/tools/."""
    from scripts.tools import release as command

    assert command.ROOT == ROOT and (command.ROOT / "schemas" / "package.json").exists()
