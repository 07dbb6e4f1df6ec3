"""Every command over small vaults written in the shape of real third-party ones: no traceback, exit 0 or 1,
and exactly the problems planted in them.

`tests/data/shapes/` holds, written for these tests: `dendron/`, a Dendron workspace (dot-hierarchy file
names, `[[label|target]]` links, `dendron://` prefixes, heading ranges in embeds, front matter with ids and
epoch times, `{{fm.desc}}` templates, a table with an escaped pipe), and `obsidian-tasks/`, an Obsidian
plugin's docs vault (task lists, every link type to headings and blocks, callouts, escaped pipes in
tables, empty front matter, a zero-width space before a tab, zero-byte attachments, `tasks` query blocks).
The real corpora (dendronhq/dendron-site, obsidian-tasks-group/obsidian-tasks) are checked by
`benchmarks/corpora.py`, which `.ci/run` runs when they are there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHAPES = Path(__file__).parent / "data" / "shapes"
# What `lint` must report with its default rules: (path, line, code).
PLANTED = {
    "dendron": {
        ("changelog.release.2021-03-15.md", 19, "VG303"),  # trailing spaces, as the real changelog has
        ("changelog.release.2021-03-15.md", 20, "VG101"),  # [[the roles note|community.roles]]
        ("changelog.release.2021-03-15.md", 22, "VG303"),
    },
    "obsidian-tasks": {
        ("Test Data/all_link_types.md", 12, "VG103"),  # [[wikilink#no such heading]]
        ("Test Data/all_link_types.md", 13, "VG104"),  # [[wikilink#^no-such-block]]
    },
}
# One run per command, plus SARIF, the format CI uploads.
COMMANDS = [
    ["lint", "--format", "json"],
    ["lint", "--format", "sarif"],
    ["concepts", "--format", "json"],
    ["graph", "--format", "html", "-o", "map.html"],
    ["timeline", "--format", "html", "-o", "timeline.html"],
    ["report", "--format", "markdown"],
]


@pytest.fixture(scope="module")
def vaults(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of the shapes: the commands keep their cache in the vault, and the first one fills it."""
    return Path(shutil.copytree(SHAPES, tmp_path_factory.mktemp("shapes") / "shapes"))


def test_each_shape_has_its_planted_problems() -> None:
    assert sorted(p.name for p in SHAPES.iterdir()) == sorted(PLANTED)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", sorted(PLANTED))
def test_every_command_over_a_vault_in_a_real_shape(name: str, args: list[str], vaults: Path, tmp_path: Path) -> None:
    vault = vaults / name
    result = subprocess.run(
        [sys.executable, "-m", "vaultgraph", *args, str(vault)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    if args[:3] == ["lint", "--format", "json"]:
        report = json.loads(result.stdout)
        notes = [p for p in vault.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(vault).parts)]
        assert report["files"] == len(notes)
        assert {(d["path"], d["line"], d["code"]) for d in report["diagnostics"]} == PLANTED[name]
    elif "-o" in args:
        assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
    else:
        assert result.stdout.strip()
