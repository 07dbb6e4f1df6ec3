"""The library API (`vaultgraph.lint/concepts/graph`, `Workspace`) gives what the commands print."""

from __future__ import annotations

import importlib
import json
import pkgutil
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

import vaultgraph
from vaultgraph.api import LintOptions, Workspace
from vaultgraph.cli import cli
from vaultgraph.config import ConfigError
from vaultgraph.errors import UsageError, VaultgraphError
from vaultgraph.graph.export import export_pieces

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the sample vault: the runs below write its cache, never into the checkout."""
    return Path(shutil.copytree(SAMPLE_VAULT, tmp_path / "sample"))


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_lint_gives_the_findings_of_the_command(sample: Path) -> None:
    report = vaultgraph.lint(sample)
    printed = cli_json("lint", str(sample))
    assert report.files == printed["files"] == len(report.paths) > 20
    assert [(d.path, d.line, d.column, d.code) for d in report.diagnostics] == [
        (d["path"], d["line"], d["column"], d["code"]) for d in printed["diagnostics"]
    ]
    assert report.fixes is None


def test_lint_options_are_the_commands(sample: Path) -> None:
    chosen = vaultgraph.lint(sample, select=["VG101"], extend_select=["VG307"], ignore=["VG4"], cache=False)
    printed = cli_json("lint", str(sample), "--select", "VG101", "--extend-select", "VG307", "--ignore", "VG4")
    assert [(d.path, d.line, d.code) for d in chosen.diagnostics] == [
        (d["path"], d["line"], d["code"]) for d in printed["diagnostics"]
    ]
    assert {"VG101", "VG307"} <= {d.code for d in chosen.diagnostics}
    assert not any(d.code.startswith("VG4") for d in chosen.diagnostics)


def test_fix_through_the_api_writes_and_reports(sample: Path) -> None:
    before = vaultgraph.lint(sample, select=["VG301"], cache=False)
    fixable = [d for d in before.diagnostics if d.fixable]
    assert fixable
    fixed = vaultgraph.lint(sample, select=["VG301"], fix=True, cache=False)
    assert fixed.fixes is not None and fixed.fixes.fixed == len(fixable)
    assert fixed.diagnostics == [d for d in before.diagnostics if not d.fixable]
    assert vaultgraph.lint(sample, select=["VG301"], cache=False).diagnostics == fixed.diagnostics


def test_concepts_and_graph_are_the_commands(sample: Path) -> None:
    found = vaultgraph.concepts(sample, cache=False)
    printed = cli_json("concepts", str(sample), "--top", "1000000")["concepts"]
    assert [c.key for c in found] == [c["key"] for c in printed]
    graph = vaultgraph.graph(sample, cache=False)
    exported = json.loads("".join(export_pieces(graph, "json")))
    result = CliRunner().invoke(cli, ["graph", str(sample), "--format", "json", "-o", "-", "--max-nodes", "0"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["nodes"] == exported["nodes"]
    assert {f"concept:{c.key}" for c in found} <= set(graph)


def test_a_workspace_parses_the_notes_once(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vaultgraph.vault import load as load_module

    loads: list[int] = []
    real = load_module.load_snapshot
    monkeypatch.setattr(load_module, "load_snapshot", lambda *a, **k: loads.append(1) or real(*a, **k))
    workspace = Workspace.open(sample, cache=False)
    steps: list[str] = []
    workspace.step = steps.append
    assert workspace.graph is workspace.graph and workspace.concepts is workspace.concepts
    assert workspace.timeline.series and workspace.weekly_report() is not None
    assert loads == [1] and steps == ["finding concepts", "building the graph and its communities"]


def test_the_functions_survive_importing_the_packages_they_share_names_with() -> None:
    for package in ("lint", "concepts", "graph"):
        module = importlib.import_module(f"vaultgraph.{package}")
        for info in pkgutil.walk_packages(module.__path__, f"vaultgraph.{package}."):
            importlib.import_module(info.name)
    assert vaultgraph.lint is vaultgraph.api.lint
    assert vaultgraph.concepts is vaultgraph.api.concepts and vaultgraph.graph is vaultgraph.api.graph


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda root: vaultgraph.lint(root / "nope"), VaultgraphError, "does not exist"),
        (lambda root: vaultgraph.concepts(root / "note.md"), VaultgraphError, "is not a folder"),
        (lambda root: vaultgraph.lint(root, select=["VG999"]), UsageError, "VG999"),
        (lambda root: vaultgraph.graph(root, config=root / "missing.toml"), ConfigError, "config file not found"),
        (lambda root: Workspace.open(root).weekly_report("boostcamp/99"), VaultgraphError, "boostcamp"),
    ],
)
def test_what_a_user_can_fix_is_one_vaultgraph_error(tmp_path: Path, call, error, message) -> None:  # type: ignore[no-untyped-def]
    root = write_files(tmp_path / "v", {"note.md": "# 1주차\n", "_posts/2023-01-06-week1.md": "# boostcamp 1주차\n"})
    with pytest.raises(error, match=message) as raised:
        call(root)
    assert isinstance(raised.value, VaultgraphError) and "\n" not in str(raised.value)


def test_lint_options_check_codes_when_made() -> None:
    with pytest.raises(UsageError, match="--ignore: unknown rule code or name 'XX1'"):
        LintOptions(ignore=["XX1"])
