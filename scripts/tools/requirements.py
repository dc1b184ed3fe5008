"""Print the package's dependencies from pyproject.toml, one per line, for `pip install -c constraints.txt -r -`.

    python -m scripts.tools.requirements [EXTRA ...]

The Makefile installs this way instead of `pip install .`, so that nothing is built in the checkout."""

from __future__ import annotations

import sys
import tomllib

from ..core.repo import ROOT


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return wanted


if __name__ == "__main__":
    print("\n".join(requirements(sys.argv[1:])))
