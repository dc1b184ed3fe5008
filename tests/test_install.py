"""The README's line for validating the package with one's own frictionless, and its GitHub Actions snippet: checked
here against constraints.txt (fast), and run in a fresh virtual environment (slow: `make test-install`, which .ci/run
runs as its own step; it needs PyPI)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import venv

import pytest
import yaml

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FRESH = "FRESH_VENV_TESTS"


def between(name: str) -> str:
    """The fenced block between the README's <!-- name:start ... --> and <!-- name:end --> markers."""
    block = README.split(f"<!-- {name}:start", 1)[1].split(f"<!-- {name}:end -->", 1)[0]
    return block.split("```", 2)[1].split("\n", 1)[1]


def documented_commands() -> list[str]:
    return [line for line in between("validate").splitlines() if line.strip()]


def actions_commands() -> list[str]:
    workflow = yaml.safe_load(between("actions"))
    [job] = workflow["jobs"].values()
    return [step["run"] for step in job["steps"] if "run" in step]


def pinned(package: str) -> str:
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(package)}==(\S+)$", text, re.M).group(1)


def test_the_install_line_names_every_extra_and_the_pinned_version():
    install, validate = documented_commands()
    [requirement] = [word for word in shlex.split(install) if word.startswith("frictionless")]
    assert requirement == f"frictionless[parquet,excel,pandas]=={pinned('frictionless')}"
    assert shlex.split(install)[:4] == ["python3", "-m", "pip", "install"]
    assert validate == "frictionless validate datapackage.json"


def test_the_actions_snippet_runs_the_documented_lines():
    assert actions_commands() == documented_commands()
    workflow = yaml.safe_load(between("actions"))
    [job] = workflow["jobs"].values()
    assert [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step] == [
        "actions/checkout",
        "actions/setup-python",
    ]


@pytest.mark.skipif(
    os.environ.get(FRESH) != "1",
    reason="slow (a fresh venv and pip install from PyPI, about 2 "
    "minutes): run by `make test-install`, a step of .ci/run",
)
def test_the_documented_lines_validate_the_package_in_a_fresh_virtual_environment(tmp_path, capsys):
    """The Actions snippet's run steps, in order, in a new venv whose python3 and frictionless come first on PATH;
    pip gets -c constraints.txt so that frictionless's own dependencies have the versions this package is tested
    with."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, clear=True)
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "VIRTUAL_ENV": str(env_dir)}
    env.update({key: value for key, value in os.environ.items() if key.startswith(("PIP_", "SSL_", "HTTP", "HTTPS"))})
    started = time.monotonic()
    for command in actions_commands():
        words = shlex.split(command)
        if words[:4] == ["python3", "-m", "pip", "install"]:
            words[4:4] = ["--disable-pip-version-check", "-c", str(ROOT / "constraints.txt")]
        done = subprocess.run(words, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "INVALID" not in done.stdout and done.stdout.count("VALID") >= 33
    with capsys.disabled():
        print(
            f"\nfresh venv, documented install and frictionless validate: {time.monotonic() - started:.0f} s "
            f"(python {sys.version.split()[0]})"
        )
