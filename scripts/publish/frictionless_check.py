"""frictionless on the CSV resources of a written package (schemas, primary and foreign keys), in this process or in
a process of its own so that the build's other checks run beside it.

    python -m scripts.publish.frictionless_check FOLDER [DESCRIPTOR] [--tables TABLE ...]
    # prints {"rows": {...}} or {"error": [...]} as JSON (default: FOLDER/datapackage.json, every table)

With --tables, only those are checked (the others carry the verdict of the build that published them,
scripts/publish/reuse.py), each against the whole package: its foreign keys are looked up in every table.

The child only reads the files; a build killed meanwhile leaves nothing behind."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from ..core import errors
from ..core.errors import BuildError, ValidationFailed

CODE = Path(__file__).resolve().parents[2]  # the checkout that holds scripts/


def csv_resources(descriptor: dict) -> dict:
    return {**descriptor, "resources": [r for r in descriptor["resources"] if r["format"] == "csv"]}


def validate_csv(folder: Path, descriptor: dict, names: list[str] | None = None) -> dict[str, int]:
    """frictionless on the CSV resources (those named, default all), foreign keys included; the row count of each
    table checked."""
    from frictionless import FrictionlessException, Package, system  # here: the build's own process never needs it

    try:
        with system.use_context(trusted=False):
            package = Package(csv_resources(descriptor), basepath=str(folder))
            if names is None:
                reports = [package.validate()]
            else:  # each table named, its foreign keys looked up in all (and the descriptor, checked by each call)
                reports = [package.validate(name=name) for name in names]
                if not names:
                    package.to_descriptor(validate=True)
    except FrictionlessException as exc:
        raise ValidationFailed(
            folder / "datapackage.json",
            "descriptor",
            "-",
            f"frictionless: {exc}",
            "fix schemas/ or scripts/publish/descriptor.py; nothing was published.",
        ) from None
    tasks = [task for report in reports for task in report.tasks]
    for report in reports:
        if not report.valid and not report.tasks:  # the descriptor itself is invalid
            raise ValidationFailed(
                folder / "datapackage.json",
                "descriptor",
                "-",
                f"frictionless: {report.errors[0].message}",
                "fix schemas/ or scripts/publish/descriptor.py; nothing was published.",
            )
    for task in tasks:
        if not task.valid:
            error = task.errors[0]
            raise ValidationFailed(
                folder / "datapackage.json",
                task.name,
                getattr(error, "field_name", "-") or "-",
                f"frictionless: {error.message}",
                "fix the input or the code that made this row; nothing was published.",
            )
    return {task.name: task.stats.get("rows", 0) for task in tasks}


def start(folder: Path, descriptor: Path | None = None, names: list[str] | None = None) -> subprocess.Popen:
    """frictionless on the CSV resources of the descriptor file (default: folder/datapackage.json; `names`: only
    these tables), in a child process: with a descriptor of the CSVs alone it can start as soon as they are
    written."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scripts.publish.frictionless_check",
            str(folder),
            *([str(descriptor)] if descriptor else []),
            *(["--tables", *names] if names is not None else []),
        ],
        cwd=CODE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(child: subprocess.Popen) -> dict[str, int]:
    """The child's row counts, or its named error raised here."""
    output, problems = child.communicate()
    try:
        answer = json.loads(output)
    except json.JSONDecodeError:
        raise RuntimeError(f"the frictionless check failed (exit {child.returncode}): {problems[-2000:]}") from None
    if "error" in answer:
        name, *parts = answer["error"]
        raise getattr(errors, name)(*parts)
    return answer["rows"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("descriptor", type=Path, nargs="?", help="default: FOLDER/datapackage.json")
    parser.add_argument("--tables", nargs="*", help="check only these tables (none: the descriptor alone)")
    args = parser.parse_args(argv)
    path = args.descriptor or args.folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    try:
        answer = {"rows": validate_csv(args.folder, descriptor, args.tables)}
    except BuildError as exc:
        answer = {"error": [type(exc).__name__, exc.file, exc.item, exc.field, exc.problem, exc.fix]}
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
