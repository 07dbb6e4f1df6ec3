"""Start-up: a command loads only what it needs (`--version` and `--help` no parser, YAML or networkx;
a lint served whole from the cache no parser either), and the option values the CLI spells out to
stay light are the ones the modules it does not import use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pyromark", "yaml", "frontmatter", "networkx", "pyvis", "msgspec", "vaultgraph.parse.markdown")
RUN = """
import json, sys
from vaultgraph.cli import cli
try:
    cli(sys.argv[1:], prog_name="vaultgraph")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_by(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The modules a process has loaded after running `vaultgraph ARGS`."""
    result = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["lint", "--help"], ["graph", "--help"]])
def test_version_and_help_load_no_parser_yaml_or_networkx(args: list[str]) -> None:
    assert sorted(m for m in loaded_by(args) if m.split(".")[0] in HEAVY or m in HEAVY) == []


def test_a_lint_served_from_the_cache_loads_no_parser(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "note.md").write_text("---\ntitle: t\n---\n# 2주차 회고\n\n- [[LSTM]] #ml\n", encoding="utf-8")
    os.utime(vault / "note.md", (1_600_000_000, 1_600_000_000))  # old enough for the snapshot to trust
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    first = loaded_by(["lint", str(vault)], env)
    assert "pyromark" in first  # the first run parses
    again = loaded_by(["lint", str(vault)], env)
    assert not {"pyromark", "yaml", "vaultgraph.parse.markdown"} & again


def test_the_option_values_the_cli_spells_out_are_the_modules_own() -> None:
    from vaultgraph.cli import graph as graph_cli
    from vaultgraph.cli import lint as lint_cli
    from vaultgraph.cli import timeline as timeline_cli
    from vaultgraph.graph.settings import COLOR_BY, MAX_TOP
    from vaultgraph.render.formats import FORMATTERS
    from vaultgraph.render.timeline_text import DEFAULT_WIDTH, MIN_WIDTH

    assert tuple(sorted(FORMATTERS)) == lint_cli.FORMATS
    assert (graph_cli.COLOR_BY, graph_cli.MAX_TOP) == (COLOR_BY, MAX_TOP)
    assert (timeline_cli.DEFAULT_WIDTH, timeline_cli.MIN_WIDTH) == (DEFAULT_WIDTH, MIN_WIDTH)
