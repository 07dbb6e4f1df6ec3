"""One error path: whatever goes wrong is one line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

from vaultgraph.cli import cli

VAULT = {"_posts/2023-01-06-week1.md": "# boostcamp 1주차\n\n- pytorch 기초\n", "b.md": "[[Missing]]\n"}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_files(tmp_path / "v", VAULT)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("timeline", "{vault}", "--format", "html", "-o", "/missing/dir/x.html"), "cannot write /missing/dir/x.html"),
        (("graph", "{vault}", "-o", "/missing/dir/x.html"), "cannot write /missing/dir/x.html"),
        (("report", "{vault}", "-o", "/missing/dir/r.md"), "cannot write /missing/dir/r.md"),
        (("lint", "{vault}", "--foo"), "No such option"),
        (("lint", "{vault}", "--format", "csv"), "'csv' is not one of"),
        (("lint", "{vault}", "--select", "VG999"), "unknown rule code or name 'VG999'"),
        (("lint", "{vault}", "--fix", "--diff"), "cannot be used together"),
        (("concepts", "{vault}/nope"), "does not exist"),
        (("report", "{vault}", "--week", "boostcamp/9"), "boostcamp"),
        (("explain", "VG999"), "unknown rule 'VG999'"),
        (("graph", "{vault}", "--kind", "tag", "-o", "{vault}/map.html"), "no tag node matches the filters"),
    ],
)
def test_usage_config_and_io_errors_are_one_line_and_exit_2(vault: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*(arg.format(vault=vault) for arg in args))
    assert code == 2
    assert err.startswith("vaultgraph: error: ") and err.count("\n") == 1 and message in err
    assert "Traceback" not in err + out


def test_a_bad_config_names_file_and_key(vault: Path) -> None:
    (vault / "vaultgraph.toml").write_text("selct = ['VG1']\n", encoding="utf-8")
    code, _, err = run("graph", str(vault), "-o", "-", "--format", "json")
    assert code == 2 and err.count("\n") == 1
    assert f"vaultgraph: error: {vault / 'vaultgraph.toml'}: selct: unknown key" in err


def test_an_internal_error_says_how_to_report_it(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vaultgraph.concepts import build

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "build_concepts", broken)
    code, _, err = run("concepts", str(vault))
    assert code == 2 and "vaultgraph: internal error: RuntimeError: boom" in err
    assert "please report it at https://github.com/vaultgraph/vaultgraph/issues" in err and "Traceback" not in err
    code, _, err = run("--debug", "concepts", str(vault))
    assert code == 2 and "Traceback" in err and "RuntimeError: boom" in err


def test_bare_vaultgraph_prints_help_and_succeeds() -> None:
    result = subprocess.run([sys.executable, "-m", "vaultgraph"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: ") and "lint" in result.stdout and "graph" in result.stdout


@pytest.mark.parametrize("args", [("rules",), ("lint", "{vault}", "--diff", "--select", "VG307")])
def test_a_reader_that_closes_the_pipe_ends_the_run_quietly(vault: Path, args: tuple[str, ...]) -> None:
    (vault / "c.md").write_text("no final newline", encoding="utf-8")  # something for --diff to print
    command = [sys.executable, "-m", "vaultgraph", *(arg.format(vault=vault) for arg in args)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the command can write: its first write meets a closed pipe
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert err == ""
