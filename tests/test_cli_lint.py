"""`vaultgraph lint` end to end: every output format (exit code and output together), options, errors."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

from vaultgraph.cli import cli
from vaultgraph.lint.rule import rules_by_key

NOTES = {
    "a.md": "# A\n\nSee [[Missing]] and [[b]].\n\n- item\n-\n",
    "b.md": "# B\n\ntext \n\nmore\n",
    "c.md": "# C\n\nLinks to [[a]].\n",
}
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),"
    r"endColumn=(\d+),title=(VG\d{3}) ([a-z0-9-]+)::(.+)$"
)


def make_vault(root: Path, notes: dict[str, str] = NOTES) -> Path:
    return write_files(root, notes)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_vault(tmp_path / "v")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text(vault: Path) -> None:
    code, out, _ = run("lint", "v")
    assert code == 1
    assert out.splitlines() == [
        "a.md:3:5: VG101 [error] `Missing` not found in the vault",
        "a.md:6:1: VG301 [*] [warning] empty list item",
        "b.md:3:5: VG303 [*] [info] trailing whitespace",
        "Found 3 problems (1 error, 1 warning, 1 info) in 2 files (3 checked).",
        "[*] 2 fixable with `vaultgraph lint --fix`.",
    ]


def test_json(vault: Path) -> None:
    code, out, _ = run("lint", "v", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["root"] == "v" and data["files"] == 3
    assert data["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert data["diagnostics"][0] == {
        "path": "a.md",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 16,
        "code": "VG101",
        "rule": "broken-link",
        "severity": "error",
        "message": "`Missing` not found in the vault",
        "fixable": False,
    }
    assert [(d["code"], d["fixable"]) for d in data["diagnostics"]] == [
        ("VG101", False),
        ("VG301", True),
        ("VG303", True),
    ]


def test_github(vault: Path) -> None:
    code, out, _ = run("lint", "v", "--format", "github")
    lines = out.splitlines()
    assert code == 1
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert [GITHUB_LINE.match(line).group(1, 2, 3, 7) for line in lines] == [  # type: ignore[union-attr]
        ("error", "v/a.md", "3", "VG101"),
        ("warning", "v/a.md", "6", "VG301"),
        ("notice", "v/b.md", "3", "VG303"),
    ]


def test_github_escapes_properties_and_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_vault(tmp_path, {"x, y: 100%.md": "# T\n\n[[no%such,note]]\n"})
    code, out, _ = run("lint", ".", "--format", "github", "--select", "VG101")
    assert code == 1
    assert out == (
        "::error file=x%2C y%3A 100%25.md,line=3,col=1,endLine=3,endColumn=17,title=VG101 broken-link"
        "::`no%25such,note` not found in the vault\n"
    )


def test_sarif(vault: Path) -> None:
    code, out, _ = run("lint", "v", "--format", "sarif")
    log = json.loads(out)
    assert code == 1
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "vaultgraph" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["VG101"]["name"] == "broken-link"
    assert rules["VG101"]["defaultConfiguration"]["level"] == "error"
    assert rules["VG303"]["defaultConfiguration"]["level"] == "note"
    doc = rules_by_key()["VG101"].doc
    assert rules["VG101"]["help"]["text"] == rules["VG101"]["fullDescription"]["text"] == doc
    assert rules["VG101"]["shortDescription"]["text"] == doc.splitlines()[0]
    first = run_["results"][0]
    assert first["ruleId"] == "VG101" and first["level"] == "error"
    assert driver["rules"][first["ruleIndex"]]["id"] == "VG101"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "v/a.md"
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 16}
    assert [r["level"] for r in run_["results"]] == ["error", "warning", "note"]


def test_sarif_is_valid_against_its_schema_shape(vault: Path) -> None:
    """The keys SARIF 2.1.0 requires, at every level (the official schema is not available offline)."""
    log = json.loads(run("lint", "v", "--format", "sarif")[1])
    assert {"version", "runs"} <= set(log)
    for result in log["runs"][0]["results"]:
        assert {"ruleId", "message", "locations"} <= set(result) and "text" in result["message"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_junit(vault: Path) -> None:
    code, out, _ = run("lint", "v", "--format", "junit")
    root = ET.fromstring(out)
    assert code == 1
    (suite,) = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert sorted(cases) == ["v/a.md", "v/b.md", "v/c.md"]
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    assert [f.get("type") for f in cases["v/a.md"].findall("failure")] == ["VG101 broken-link", "VG301 empty-list-item"]
    assert cases["v/c.md"].findall("failure") == []


def test_junit_escapes_markup_and_control_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_vault(tmp_path, {"<a&b>.md": "# T\n\n[[x\x01<y>&]]\n"})
    code, out, _ = run("lint", ".", "--format", "junit", "--select", "VG101")
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert code == 1
    assert failure is not None and failure.get("message") == "`x\ufffd<y>&` not found in the vault"


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        ((), 1),
        (("--exit-zero",), 0),
        (("--select", "VG3"), 0),
        (("--select", "VG3", "--strict"), 1),
        (("--ignore", "VG101"), 0),
        (("--select", "empty-list-item", "--extend-select", "VG101"), 1),
    ],
)
def test_exit_codes(vault: Path, args: tuple[str, ...], exit_code: int) -> None:
    assert run("lint", "v", *args)[0] == exit_code


def test_statistics(vault: Path) -> None:
    code, out, _ = run("lint", "v", "--statistics")
    assert code == 1
    assert [line.split() for line in out.splitlines()] == [
        ["1", "VG101", "broken-link"],
        ["1", "VG301", "empty-list-item"],
        ["1", "VG303", "trailing-whitespace"],
    ]


def test_clean_vault_passes_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_vault(tmp_path / "v", {"c.md": "# C\n\ntext\n"})
    outputs = {fmt: run("lint", "v", "--format", fmt) for fmt in ("text", "json", "github", "sarif", "junit")}
    assert {fmt: code for fmt, (code, _, _) in outputs.items()} == dict.fromkeys(outputs, 0)
    assert outputs["text"][1] == "All checks passed! (1 file checked)\n"
    assert outputs["github"][1] == ""
    assert json.loads(outputs["sarif"][1])["runs"][0]["results"] == []
    assert ET.fromstring(outputs["junit"][1]).find("testsuite").get("failures") == "0"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lint", "v", "--select", "VG999"), "vaultgraph: error: --select: unknown rule code or name 'VG999'"),
        (("lint", "v", "--ignore", "nonsense"), "vaultgraph: error: --ignore: unknown rule code or name 'nonsense'"),
        (("explain", "VG999"), "vaultgraph: error: unknown rule 'VG999'"),
        (("lint", "v", "--fix", "--diff"), "vaultgraph: error: --fix and --diff cannot be used together"),
        (("lint", "v", "--baseline", "missing.json"), "vaultgraph: error: missing.json: cannot read baseline"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(vault: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == "" and len(err.splitlines()) == 1 and err.startswith(message)


def test_bad_config_is_one_line_and_exit_2(vault: Path) -> None:
    (vault / "vaultgraph.toml").write_text('select = ["VG1"]\nbogus-key = 1\n', encoding="utf-8")
    code, out, err = run("lint", "v")
    assert code == 2
    assert out == "" and len(err.splitlines()) == 1
    assert "vaultgraph.toml" in err and "bogus-key" in err


def test_missing_path_is_exit_2(vault: Path) -> None:
    code, _, err = run("lint", "no-such-folder")
    assert code == 2
    assert "no-such-folder" in err and "does not exist" in err


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True
    )


def test_changed_reports_only_changed_and_untracked_notes(vault: Path) -> None:
    git(vault, "init", "-q")
    git(vault, "add", ".")
    git(vault, "commit", "-q", "-m", "notes")
    (vault / "b.md").write_text("# B\n\n[[Gone]]\n", encoding="utf-8")
    (vault / "d.md").write_text("# D\n\n-\n", encoding="utf-8")
    code, out, _ = run("lint", "v", "--changed", "--format", "json")
    found = [(d["path"], d["code"]) for d in json.loads(out)["diagnostics"]]
    assert code == 1
    assert found == [("b.md", "VG101"), ("d.md", "VG301")]  # a.md's findings are old; [[b]] still resolves
    code, out, _ = run("lint", "v", "--changed=HEAD", "--select", "VG101")
    assert code == 1 and out.startswith("b.md:3:1: VG101")


def test_changed_outside_a_git_repository_is_exit_2(vault: Path) -> None:
    code, out, err = run("lint", "v", "--changed")
    assert code == 2
    assert out == "" and err.strip() == "vaultgraph: error: --changed: v is not inside a git repository"


def test_changed_with_an_unknown_ref_is_exit_2(vault: Path) -> None:
    git(vault, "init", "-q")
    code, _, err = run("lint", "v", "--changed=no-such-ref")
    assert code == 2
    assert err.strip() == "vaultgraph: error: --changed: unknown git ref 'no-such-ref'"


def test_fix_reports_what_is_left(vault: Path) -> None:
    code, out, err = run("lint", "v", "--fix")
    assert code == 1
    assert out.splitlines()[0] == "a.md:3:5: VG101 [error] `Missing` not found in the vault"
    assert "Found 1 problem (1 error) in 1 file (3 checked)." in out
    assert err == "Fixed 2 problems in 2 files.\n"


def test_fix_keeps_machine_output_parseable(vault: Path) -> None:
    code, out, err = run("lint", "v", "--fix", "--format", "json")
    assert code == 1
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["VG101"]
    assert err.startswith("Fixed 2 problems")
