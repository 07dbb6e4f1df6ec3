"""The shipped CI integration (`action.yml`, `.pre-commit-hooks.yaml`) runs commands that exist."""

from __future__ import annotations

import re
import shlex
import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from vaultgraph.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _yaml(name: str):  # type: ignore[no-untyped-def]
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    (tmp_path / "n.md").write_text("# N\n\n[[Missing]]\n", encoding="utf-8")
    return tmp_path


def _invoke(command: str, vault: Path, args: str = "") -> int:
    """Run a `vaultgraph ...` command line from a CI file through the CLI, with the action's inputs filled in."""
    line = command.replace('"$VAULTGRAPH_PATH"', shlex.quote(str(vault))).replace("$VAULTGRAPH_ARGS", args)
    line = line.split(">", 1)[0]  # the SARIF step redirects to a file
    words = shlex.split(line)
    assert words[0] == "vaultgraph"
    return CliRunner().invoke(cli, words[1:]).exit_code


def test_the_console_script_is_installed() -> None:
    (script,) = entry_points(group="console_scripts", name="vaultgraph")
    assert script.load() is not None and script.value == "vaultgraph.cli:main"
    assert shutil.which("vaultgraph") is not None


def test_pre_commit_hook_runs_the_installed_linter(vault: Path) -> None:
    (hook,) = _yaml(".pre-commit-hooks.yaml")
    assert hook["id"] == "vaultgraph-lint"
    assert (hook["language"], hook["pass_filenames"], hook["types"]) == ("python", False, ["markdown"])
    program, *args = shlex.split(hook["entry"])
    assert program == "vaultgraph" and shutil.which(program)
    assert CliRunner().invoke(cli, [*args, str(vault)]).exit_code == 1  # the broken link fails the hook


def test_action_is_a_composite_that_installs_itself(vault: Path) -> None:
    action = _yaml("action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"path", "args", "sarif", "python-version"}
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert any('pip install "${{ github.action_path }}"' in run for run in runs)
    assert all(step.get("shell") == "bash" for step in action["runs"]["steps"] if "run" in step)
    uses = [step["uses"] for step in action["runs"]["steps"] if "uses" in step]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def test_every_vaultgraph_command_in_the_action_is_accepted(vault: Path) -> None:
    steps = _yaml("action.yml")["runs"]["steps"]
    commands = [step["run"] for step in steps if step.get("run", "").startswith("vaultgraph ")]
    assert any("--format github" in c for c in commands) and any("--format sarif" in c for c in commands)
    for command in commands:
        # exit 1 = the broken link was found; 0 for the SARIF step (--exit-zero); 2 would be a bad command line
        assert _invoke(command, vault) == (0 if "--exit-zero" in command else 1), command
        assert _invoke(command, vault, "--strict --select VG1") in (0, 1), command


def test_sarif_upload_reads_the_file_the_action_writes() -> None:
    steps = _yaml("action.yml")["runs"]["steps"]
    written = {m.group(1) for step in steps for m in [re.search(r">\s*(\S+)", step.get("run", ""))] if m}
    uploaded = {step["with"]["sarif_file"] for step in steps if "upload-sarif" in step.get("uses", "")}
    assert written == uploaded == {"vaultgraph.sarif"}


def test_readme_workflow_uses_the_action_inputs() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("## Use in CI", 1)[1].split("```yaml", 1)[1].split("```", 1)[0])
    (step,) = [s for s in workflow["jobs"]["lint"]["steps"] if "with" in s]
    assert set(step["with"]) <= set(_yaml("action.yml")["inputs"])
    assert "id: vaultgraph-lint" in text.split("## Use in CI", 1)[1]
