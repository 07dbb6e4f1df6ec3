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
from vaultgraph.vault import load as load_module

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
    assert (hook["language"], hook.get("pass_filenames", True), hook["types"]) == ("python", True, ["markdown"])
    assert re.search(hook["files"], "notes/n.md") and not re.search(hook["files"], "notes/n.markdown")
    program, *args = shlex.split(hook["entry"])
    assert program == "vaultgraph" and shutil.which(program)
    (vault / "ok.md").write_text("# OK\n\n[[n]]\n", encoding="utf-8")
    # pre-commit passes the changed files: each is linted against its vault, and only it is reported.
    assert CliRunner().invoke(cli, [*args, str(vault / "n.md")]).exit_code == 1  # the broken link fails
    assert CliRunner().invoke(cli, [*args, str(vault / "ok.md")]).exit_code == 0


def test_action_is_a_composite_that_installs_itself(vault: Path) -> None:
    action = _yaml("action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"path", "args", "sarif", "cache", "python-version"}
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


def _expanded(value: str, runner_temp: Path, path: str) -> str:
    return value.replace("${{ runner.temp }}", str(runner_temp)).replace("${{ inputs.path }}", path)


def _checkout(workspace: Path) -> Path:
    """The notes repository as a fresh clone has it: new files, so new inodes and times."""
    shutil.rmtree(workspace / "notes", ignore_errors=True)
    notes = workspace / "notes"
    notes.mkdir(parents=True)
    (notes / "n.md").write_text("# N\n\n[[Missing]]\n", encoding="utf-8")
    (notes / "m.md").write_text("# M\n\n[[N]]\n", encoding="utf-8")
    return notes


def test_the_action_caches_all_that_vaultgraph_keeps_and_the_next_run_uses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _yaml("action.yml")["runs"]["steps"]
    (cache,) = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert cache["if"] == "${{ inputs.cache == 'true' }}"
    lint = [step for step in steps if step.get("run", "").startswith("vaultgraph ")]
    runner_temp, workspace, saved = tmp_path / "runner-temp", tmp_path / "workspace", tmp_path / "saved"
    homes = {_expanded(step["env"]["XDG_CACHE_HOME"], runner_temp, "notes") for step in lint}
    assert len(homes) == 1  # every vaultgraph step signs with the same key
    monkeypatch.setenv("XDG_CACHE_HOME", homes.pop())
    cached = [workspace / _expanded(line, runner_temp, "notes") for line in cache["with"]["path"].splitlines()]

    def lint_notes() -> int:
        return CliRunner().invoke(cli, ["lint", str(workspace / "notes"), "--format", "github"]).exit_code

    notes = _checkout(workspace)
    assert lint_notes() == 1
    kept = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != notes]
    assert kept and all(any(p.is_relative_to(folder) for folder in cached) for p in kept)
    # The next job: a new checkout and a new runner, with only the cached folders restored.
    for folder in cached:
        shutil.copytree(folder, saved / folder.relative_to(tmp_path))
    shutil.rmtree(runner_temp)
    _checkout(workspace)
    for folder in cached:
        shutil.copytree(saved / folder.relative_to(tmp_path), folder, dirs_exist_ok=True)
    parsed: list[str] = []
    monkeypatch.setattr(load_module, "load_note", lambda path, *args, **kwargs: parsed.append(path))
    assert lint_notes() == 1
    assert parsed == []  # the findings came from the restored cache, not from parsing the notes again
