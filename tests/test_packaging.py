"""What a stranger reads before the code: one version, a changelog that names it, README examples
that pin a real release, a license, dependency bounds that can be tested, and SARIF that links home."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner

import vaultgraph
from vaultgraph.cli import cli

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", re.M)


def test_the_version_is_written_once() -> None:
    assert "version" not in PYPROJECT["project"] and "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "vaultgraph.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", vaultgraph.__version__)


def test_the_changelog_has_unreleased_and_every_release_linked() -> None:
    assert "\n## [Unreleased]\n" in CHANGELOG
    releases = RELEASE.findall(CHANGELOG)
    assert releases and releases == sorted(releases, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    for version in ["Unreleased", *releases]:
        assert re.search(rf"^\[{re.escape(version)}\]: https://", CHANGELOG, re.M), f"no link for [{version}]"


def test_the_readme_pins_released_versions() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pins = re.findall(r"rev: v(\S+)", readme) + re.findall(r"uses: vaultgraph/vaultgraph@v(\S+)", readme)
    assert len(pins) == 2
    assert set(pins) <= set(RELEASE.findall(CHANGELOG))


def test_the_license_is_the_one_the_metadata_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT" and PYPROJECT["project"]["license-files"] == ["LICENSE"]
    license_text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n") and "Copyright (c) 2026 the vaultgraph authors" in license_text


def test_every_dependency_has_a_lower_bound_to_test() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "lowest_constraints.py")], capture_output=True, text=True, check=True
    )
    pinned = {line.split("==")[0].lower() for line in result.stdout.split()}
    declared = PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["test"]
    assert pinned == {re.split(r"[^A-Za-z0-9._-]", requirement, maxsplit=1)[0].lower() for requirement in declared}


def test_sarif_links_to_the_project_home(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("# N\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(tmp_path), "--format", "sarif", "--no-cache"])
    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == PYPROJECT["project"]["urls"]["Homepage"]
    assert driver["version"] == vaultgraph.__version__
