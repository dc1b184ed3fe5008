"""A release bundle: a versioned zip of the package with a SHA-256 checksum file.

    python -m scripts.release [--out release/]        (make release builds first, then runs this)

The zip holds one folder, <name>-<version>/, with datapackage.json, data/, schemas/, README.md, LICENSE,
CHANGELOG.md, the loader of the README (scripts/tools/load.py) and the article texts the offsets refer to
(sources/articles/<id>/article.txt). The version comes
from schemas/package.json and must have its entry in CHANGELOG.md. Before writing, the bundle is unzipped into a
temporary folder and checked there: frictionless validates it, and every evidence span equals its article at its
offsets; the same package gives the same zip, byte for byte."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from frictionless import Package, system

from ..core.errors import ValidationFailed
from ..core.registry import TABLES, load_schema
from ..core.repo import ROOT
from ..publish.archive import fixed_entry
from ..publish.checks import check_spans
from ..publish.codec import read_csv_rows

CODE = ROOT  # the checkout this code runs from: where the loader shipped in the bundle comes from
CONTENTS = ("datapackage.json", "data", "schemas", "README.md", "LICENSE", "CHANGELOG.md")
LOADER = ("scripts/__init__.py", "scripts/tools/__init__.py", "scripts/tools/load.py")  # the README's load()


class ReleaseError(Exception):
    """The package cannot be released as it is."""


def package_version(root: Path) -> tuple[str, str]:
    meta = json.loads((root / "schemas" / "package.json").read_text(encoding="utf-8"))
    return meta["name"], meta["version"]


def check_changelog(root: Path, version: str) -> None:
    path = root / "CHANGELOG.md"
    if not path.exists() or not re.search(rf"^## {re.escape(version)}\b", path.read_text(encoding="utf-8"), re.M):
        raise ReleaseError(
            f"CHANGELOG.md has no entry `## {version}`; add one saying what changed, then release again."
        )


def files_of(root: Path) -> list[Path]:
    """The package's files, and the article texts its offsets refer to (the `path` of each of its sources)."""
    files = []
    for name in CONTENTS:
        path = root / name
        if not path.exists():
            raise ReleaseError(f"{name} is missing; run make build first.")
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for source in json.loads((root / "datapackage.json").read_text(encoding="utf-8"))["sources"]:
        article = root / source["path"]
        if hashlib.sha256(article.read_bytes()).hexdigest() != source["sha256"]:
            raise ReleaseError(f"{source['path']} differs from the SHA-256 in datapackage.json; run make build first.")
        files.append(article)
    return files


def bundle_bytes(root: Path, folder: str) -> bytes:
    """The zip, deterministic: sorted entries, fixed timestamps and permissions; the package's files, then the loader
    (from this code's checkout)."""
    buffer = io.BytesIO()
    entries = [(path, path.relative_to(root).as_posix()) for path in files_of(root)]
    entries += [(CODE / name, name) for name in LOADER]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in entries:
            archive.writestr(fixed_entry(f"{folder}/{name}"), path.read_bytes())
    return buffer.getvalue()


def validate_bundle(data: bytes, folder: str) -> None:
    with tempfile.TemporaryDirectory(prefix="release-") as temporary:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extractall(temporary)
        unpacked = Path(temporary) / folder
        with system.use_context(trusted=False):
            report = Package(str(unpacked / "datapackage.json")).validate()
        if not report.valid:
            task = next(t for t in report.tasks if not t.valid)
            raise ReleaseError(f"the unzipped bundle does not validate: {task.name}: {task.errors[0].message}")
        check_offsets(unpacked)


def check_offsets(unpacked: Path) -> None:
    """Every evidence span of the unzipped tables equals the unzipped article text at its offsets."""
    sources = read_csv_rows(unpacked / "data" / "sources.csv", load_schema("sources", unpacked))
    texts = {row["source_id"]: (unpacked / row["path"]).read_text(encoding="utf-8") for row in sources}
    for name in TABLES:
        schema = load_schema(name, unpacked)
        try:
            check_spans(name, read_csv_rows(unpacked / "data" / f"{name}.csv", schema), schema, texts, unpacked)
        except ValidationFailed as exc:
            raise ReleaseError(f"the unzipped bundle's offsets do not match its articles: {exc}") from None


def release(root: Path = ROOT, out: Path | None = None) -> Path:
    """Write <out>/<name>-<version>.zip and its .sha256; returns the zip's path."""
    name, version = package_version(root)
    check_changelog(root, version)
    folder = f"{name}-{version}"
    data = bundle_bytes(root, folder)
    validate_bundle(data, folder)
    out = out or root / "release"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{folder}.zip"
    target.write_bytes(data)
    (out / f"{folder}.zip.sha256").write_text(f"{hashlib.sha256(data).hexdigest()}  {target.name}\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the zip and its checksum (default: release/)")
    args = parser.parse_args(argv)
    try:
        target = release(ROOT, args.out)
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {target} and {target.name}.sha256 (validated after unzipping)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
