"""The core command line: `--version`, and `vaultgraph lint` with the first rules, end to end.

Each test asserts the exit code and the output together. Rules are selected explicitly so that
rules added later do not change these findings.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files as make

from vaultgraph import __version__
from vaultgraph.cli import cli

CORE = "VG001,VG002,VG101,VG102,VG103,VG104,VG105,VG201"
TEXT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>VG\d{3})(?: \[\*\])? "
    r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$"
)
SUMMARY = re.compile(r"^Found \d+ problems? \(.+\) in \d+ files? \(\d+ checked\)\.$")


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make(
        tmp_path / "v",
        {
            "a.md": "# A\n\n[[Missing]] and [[b#Nope]] and [[b#Part]].\n",
            "sub/b.md": "# B\n\n## Part\n\ntext ^p1\n\n[[a#^nope]] ![[gone.png]] [[a]]\n",
            "x/dup.md": "x\n",
            "y/dup.md": "y\n",
            "c.md": "[[dup]]\n",
        },
    )


@pytest.mark.parametrize("command", [["vaultgraph", "--version"], [sys.executable, "-m", "vaultgraph", "--version"]])
def test_version(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"vaultgraph, version {__version__}"


def test_text_format(vault: Path) -> None:
    code, out, err = lint("v", "--select", CORE)
    assert code == 1 and err == ""
    *lines, summary = out.splitlines()
    found = [TEXT_LINE.match(line) for line in lines]
    assert all(found), lines
    assert [(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in found] == [
        ("a.md", 3, 1, "VG101"),
        ("a.md", 3, 17, "VG103"),
        ("c.md", 1, 1, "VG105"),
        ("sub/b.md", 7, 1, "VG104"),
        ("sub/b.md", 7, 14, "VG102"),  # the `[[` of `![[`
    ]
    assert SUMMARY.match(summary) and summary == "Found 5 problems (4 errors, 1 warning) in 3 files (5 checked)."


def test_json_format_contract(vault: Path) -> None:
    code, out, _ = lint("v", "--select", CORE, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert list(data) == ["version", "root", "files", "diagnostics", "summary"]
    assert (data["version"], data["root"], data["files"]) == (__version__, "v", 5)
    assert data["summary"] == {"error": 4, "warning": 1, "info": 0}
    keys = ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "fixable"]
    types = [str, int, int, int, int, str, str, str, str, bool]
    for diagnostic in data["diagnostics"]:
        assert list(diagnostic) == keys
        assert [type(diagnostic[k]) for k in keys] == types
    first = data["diagnostics"][0]
    assert first == {
        "path": "a.md",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 12,
        "code": "VG101",
        "rule": "broken-link",
        "severity": "error",
        "message": first["message"],
        "fixable": False,
    }
    assert "Missing" in first["message"]
    assert [d["rule"] for d in data["diagnostics"]] == [
        "broken-link",
        "broken-heading-link",
        "ambiguous-link",
        "broken-block-ref",
        "broken-embed",
    ]


def test_json_root_is_the_path_as_given_and_paths_are_relative_posix_nfc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    nfd = unicodedata.normalize("NFD", "회고/2주차 회고.md")
    make(tmp_path / "vault", {nfd: "[[없는 노트]]\n"})
    for given in ("vault", str(tmp_path / "vault")):
        code, out, _ = lint(given, "--select", CORE, "--format", "json")
        data = json.loads(out)
        assert code == 1 and data["root"] == given
        (diagnostic,) = data["diagnostics"]
        assert diagnostic["path"] == unicodedata.normalize("NFC", "회고/2주차 회고.md")


def test_positions_count_front_matter_crlf_and_not_the_bom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "v", {"n.md": b"\xef\xbb\xbf---\r\ntitle: t\r\n---\r\n\r\n> quote [[Missing]]\r\n"})
    code, out, _ = lint("v", "--select", CORE, "--format", "json")
    (diagnostic,) = json.loads(out)["diagnostics"]
    assert code == 1 and (diagnostic["line"], diagnostic["column"]) == (5, 9)


# (id, files, extra args, exit code)
EXIT_CASES = [
    ("clean", {"a.md": "# A\n[[b]]\n", "b.md": "# B\n"}, (), 0),
    ("warnings-only", {"x/d.md": "", "y/d.md": "", "a.md": "[[d]]\n"}, (), 0),
    ("warnings-strict", {"x/d.md": "", "y/d.md": "", "a.md": "[[d]]\n"}, ("--strict",), 1),
    ("errors", {"a.md": "[[nope]]\n"}, (), 1),
    ("errors-exit-zero", {"a.md": "[[nope]]\n"}, ("--exit-zero",), 0),
    ("strict-exit-zero", {"x/d.md": "", "y/d.md": "", "a.md": "[[d]]\n"}, ("--strict", "--exit-zero"), 0),
    ("errors-ignored", {"a.md": "[[nope]]\n"}, ("--ignore", "VG101"), 0),
    ("empty-vault", {}, (), 0),
    ("empty-vault-strict", {}, ("--strict",), 1),
]


@pytest.mark.parametrize("files,args,exit_code", [c[1:] for c in EXIT_CASES], ids=[c[0] for c in EXIT_CASES])
def test_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict, args: tuple[str, ...], exit_code: int
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v").mkdir()
    make(tmp_path / "v", files)
    code, out, _ = lint("v", "--select", CORE, *args)
    assert code == exit_code
    summary = "Found" if "Found" in out else "All checks passed!" if files else "No notes checked."
    assert out.splitlines()[-1].startswith(summary)


def test_clean_vault_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "v", {"a.md": "# A\n[[b]]\n", "b.md": "# B\n"})
    assert lint("v", "--select", CORE) == (0, "All checks passed! (2 files checked)\n", "")


def test_missing_path_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = lint("no-such-vault")
    assert code == 2 and out == "" and "no-such-vault" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "toml,words",
    [
        ("bogus = 1\n", ("bogus", "unknown key")),
        ("[rules.broken-link]\nnot_an_option = 1\n", ("not_an_option",)),
        ('select = ["VG999"]\n', ("VG999",)),
        ("select = [\n", ("invalid TOML",)),
    ],
)
def test_bad_config_is_one_line_naming_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, words: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "v", {"a.md": "# A\n", "vaultgraph.toml": toml})
    code, out, err = lint("v")
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert "vaultgraph.toml" in line and all(word in line for word in words)
    assert "Traceback" not in err


def test_explicit_missing_config_is_exit_2(vault: Path) -> None:
    code, _, err = lint("v", "--config", "nope.toml")
    assert code == 2 and len(err.splitlines()) == 1 and "nope.toml" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_code_is_exit_2(vault: Path, option: str) -> None:
    code, out, err = lint("v", option, "VG999")
    assert code == 2 and out == "" and "VG999" in err and "Traceback" not in err


HOSTILE = {
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "cp949.md": "# 한국어 회고\n[[없음]]\n".encode("cp949"),
    "invalid-yaml.md": "---\ntitle: [x\n---\nbody\n",
    "empty.md": b"",
    "only-front-matter.md": "---\ntitle: only\n---\n",
    "unclosed.md": "---\ntitle: x\n",
    "junk.md": bytes(range(0x80, 0x100)),
    "bom-only.md": b"\xef\xbb\xbf",
    "nested.md": ">" * 3000 + " x\n" + "- " * 2000 + "y\n" + "[" * 3000 + "\n" + "*" * 3000 + "\n",
    "brackets.md": "[[" * 2000 + "\n" + "![[" * 1000 + "]]" * 500 + "\n" + "%%" * 1001 + "\n",
    "sub/utf16.md": "[[x]]\n".encode("utf-16"),
    "nul-late.md": b"# fine\n" * 50 + b"\x00",
}
EXPECTED = {
    "binary.md": "VG001",
    "cp949.md": "VG002",
    "invalid-yaml.md": "VG201",
    "unclosed.md": "VG201",
    "junk.md": "VG001",
    "sub/utf16.md": "VG002",
    "nul-late.md": "VG001",
}


def test_hostile_vault_every_file_parses_or_has_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "v", HOSTILE)
    code, out, err = lint("v", "--select", "VG001,VG002,VG201", "--format", "json")
    data = json.loads(out)
    assert code == 1 and "Traceback" not in err
    assert data["files"] == len(HOSTILE)
    found = {(d["path"], d["code"]) for d in data["diagnostics"]}
    assert found == set(EXPECTED.items())
    assert all(d["line"] >= 1 and d["column"] >= 1 for d in data["diagnostics"])


def test_hostile_vault_in_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    make(tmp_path / "v", HOSTILE)
    result = subprocess.run(
        ["vaultgraph", "lint", str(tmp_path / "v")], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr + result.stdout
    for path in EXPECTED:
        assert any(line.startswith(f"{path}:") for line in result.stdout.splitlines())
