"""What a new user and a hostile checkout meet at the edges: special files, twin names, symlinks, pipes.

Real files throughout: a real FIFO and socket, real symlinks, NFC and NFD names side by side, a pipe
whose reader is gone. Commands that could hang run in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

from vaultgraph.api import vault_root
from vaultgraph.cli import cli
from vaultgraph.config import Config
from vaultgraph.lint.engine import lint_vault, select_rules
from vaultgraph.vault.load import load_vault

TIMEOUT = 120
NFC = unicodedata.normalize("NFC", "회고.md")
NFD = unicodedata.normalize("NFD", "회고.md")


def run(args: list[str], cwd: Path, env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess:
    """The installed CLI in a subprocess: a hang fails the test instead of the suite."""
    return subprocess.run(
        [sys.executable, "-m", "vaultgraph", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def env(user_cache: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(user_cache.parent)}


def lint_json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["lint", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


# --- 2. Only regular files are notes -------------------------------------------------------------


@pytest.fixture
def vault_with_a_fifo(tmp_path: Path) -> Path:
    vault = write_files(tmp_path / "vault", {"a.md": "# a\n\n[[pipe]]\n", "notes/b.md": "# b\n"})
    os.mkfifo(vault / "pipe.md")
    os.symlink("../pipe.md", vault / "notes" / "link-to-pipe.md")  # a link inside the vault to the FIFO
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(vault / "notes" / "sock.md"))
    listener.close()
    return vault


COMMANDS = [
    ["lint"],
    ["lint", "--no-cache"],
    ["lint", "--fix"],
    ["concepts"],
    ["timeline"],
    ["report"],
    ["graph", "--format", "json", "-o", "-"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_fifo_or_socket_named_md_is_skipped_not_waited_on(
    vault_with_a_fifo: Path, env: dict[str, str], args: list[str]
) -> None:
    result = run([*args, str(vault_with_a_fifo)], vault_with_a_fifo.parent, env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if args[0] == "lint":
        assert "pipe.md:1:1: VG003 [info] not read: a named pipe (FIFO), not a regular file" in result.stdout
        assert "notes/link-to-pipe.md:1:1: VG003" in result.stdout
        assert "notes/sock.md:1:1: VG003 [info] not read: a socket" in result.stdout
        assert "VG101" not in result.stdout  # `[[pipe]]` names a file that exists


def test_a_fifo_is_one_info_finding_and_counts_as_a_file(vault_with_a_fifo: Path) -> None:
    vault = load_vault(vault_with_a_fifo)
    found = [(d.path, d.code, d.severity) for d in lint_vault(vault, Config(), select_rules(Config()))]
    assert found == [
        ("notes/link-to-pipe.md", "VG003", "info"),
        ("notes/sock.md", "VG003", "info"),
        ("pipe.md", "VG003", "info"),
    ]


# --- 5. NFC/NFD twins --------------------------------------------------------------------------------


def test_nfc_and_nfd_twins_are_both_read_and_reported_as_a_pair(tmp_path: Path) -> None:
    (tmp_path / NFC).write_text("# 정리본\n", encoding="utf-8")
    (tmp_path / NFD).write_text("# 맥에서 쓴 것\n", encoding="utf-8")
    vault = load_vault(tmp_path)
    assert sorted(vault.notes) == sorted([NFC, NFD])
    assert {note.title for note in vault.notes.values()} == {"정리본", "맥에서 쓴 것"}
    code, report = lint_json(str(tmp_path))
    assert report["files"] == 2
    pair = [(d["path"], d["message"]) for d in report["diagnostics"] if d["code"] == "VG402"]
    assert pair == [
        (
            NFD,
            f"another file has this very name spelled in Unicode NFC: `{NFC}`; Obsidian and macOS see only one of the two",
        ),
        (
            NFC,
            f"another file has this very name spelled in Unicode NFD, as macOS writes names: `{NFD}`;"
            " Obsidian and macOS see only one of the two",
        ),
    ]


def test_a_twin_in_another_folder_is_reported_once_for_each_reason(tmp_path: Path) -> None:
    write_files(tmp_path, {NFC: "# a\n", NFD: "# b\n", f"archive/{NFC}": "# c\n"})
    _, report = lint_json(str(tmp_path))
    messages = sorted((d["path"], d["message"].split(":")[0]) for d in report["diagnostics"] if d["code"] == "VG402")
    assert messages == sorted(
        [
            (NFC, "another file has this very name spelled in Unicode NFD, as macOS writes names"),
            (NFC, "another note has the same file name"),
            (NFD, "another file has this very name spelled in Unicode NFC"),
            (NFD, "another note has the same file name"),
            (f"archive/{NFC}", "another note has the same file name"),
        ]
    )


@pytest.mark.parametrize("name", [NFD, os.fsdecode(b"\xff \xed\x9a\x8c.md")], ids=["nfd-name", "not-utf8-name"])
def test_fix_writes_a_note_whose_path_is_not_its_name_on_disk(tmp_path: Path, name: str) -> None:
    # Both notes are known by another path than their name on disk (NFC; `\xff` escaped): --fix
    # used to look for that path and refuse with "No such file or directory".
    (tmp_path / name).write_bytes("# 회고  \n".encode())
    result = CliRunner().invoke(cli, ["lint", "--fix", "--no-cache", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (0, "Fixed 1 problem in 1 file.\n")
    assert (tmp_path / name).read_bytes() == "# 회고\n".encode()


# --- 6. VG303 and indented code; leftovers of a killed --fix ----------------------------------------

KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
from vaultgraph.atomic import replacing
with replacing(Path(sys.argv[1]), fsync=True) as out:
    out.write(b"half of the new cont")
    out.flush()
    os.kill(os.getpid(), signal.SIGKILL)  # as `kill -9` during --fix: no cleanup runs
"""

HOLDS_ITS_TEMP = """
import sys
from pathlib import Path
from vaultgraph.atomic import replacing
with replacing(Path(sys.argv[1])) as out:
    out.write(b"written by a live run\\n")
    print("ready", flush=True)
    sys.stdin.readline()  # the test says when to finish
"""


def test_fix_leaves_indented_code_alone(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("예시:\n\n    x = 1  \n    y = 2\t\n\n끝 \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--fix", "--no-cache", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (0, "Fixed 1 problem in 1 file.\n")
    assert note.read_text(encoding="utf-8") == "예시:\n\n    x = 1  \n    y = 2\t\n\n끝\n"


def test_the_next_fix_removes_the_temp_file_of_a_killed_one(tmp_path: Path, env: dict[str, str]) -> None:
    note = write_files(tmp_path / "vault", {"sub/a.md": "# a \n"}) / "sub" / "a.md"
    killed = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(note)], env=env, timeout=TIMEOUT)
    assert killed.returncode == -9
    leftover = list(note.parent.glob(".a.md.*.vaultgraph-tmp"))
    assert len(leftover) == 1 and note.read_text(encoding="utf-8") == "# a \n"

    result = run(["lint", "--fix", "."], tmp_path / "vault", env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Fixed 1 problem in 1 file.\nRemoved 1 leftover temporary file of an interrupted --fix.\n"
    assert sorted(p.name for p in note.parent.iterdir()) == ["a.md"]


def test_a_fix_never_removes_the_temp_file_of_a_live_run(tmp_path: Path, env: dict[str, str]) -> None:
    vault = write_files(tmp_path / "vault", {"a.md": "# a \n", "out.md": "# old\n"})
    live = subprocess.Popen(
        [sys.executable, "-c", HOLDS_ITS_TEMP, str(vault / "out.md")],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert live.stdout is not None and live.stdout.readline() == "ready\n"
        result = run(["lint", "--fix", "."], vault, env)
        assert (result.returncode, result.stderr) == (0, "Fixed 1 problem in 1 file.\n")
        assert len(list(vault.glob(".out.md.*.vaultgraph-tmp"))) == 1
        live.communicate("go\n", timeout=TIMEOUT)
    finally:
        live.kill()
    assert live.returncode == 0
    assert (vault / "out.md").read_text(encoding="utf-8") == "written by a live run\n"
    assert sorted(p.name for p in vault.iterdir() if p.name != ".vaultgraph-cache") == ["a.md", "out.md"]


# --- 1. Nothing is written through a symlink that leaves the vault: the cache ---------------------


def snapshot_of(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: a file's bytes, a link's target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = os.readlink(path)
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "keep.txt").write_text("the user's own file\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("link_to", ["outside", "vault-sub"], ids=["out-of-the-vault", "inside-the-vault"])
def test_a_symlinked_cache_folder_is_not_used_the_user_cache_is(
    tmp_path: Path, outside: Path, user_cache: Path, link_to: str
) -> None:
    vault = write_files(tmp_path / "vault", {"a.md": "# a\n", "sub/b.md": "# b\n"})
    target = outside if link_to == "outside" else vault / "sub"
    before = snapshot_of(target)
    (vault / ".vaultgraph-cache").symlink_to(target)
    for _ in range(2):  # the second run reads what the first stored
        result = CliRunner().invoke(cli, ["lint", str(vault)])
        assert (result.exit_code, result.stderr) == (0, "")
    assert snapshot_of(target) == before
    assert list((user_cache / "vaults").glob("*/parse-*.msgpack")), "the cache went to the user cache folder"


def test_links_inside_a_real_cache_folder_are_replaced_or_left_never_followed(
    tmp_path: Path, outside: Path, user_cache: Path, env: dict[str, str]
) -> None:
    vault = write_files(tmp_path / "vault", {"a.md": "# a\n"})
    cache = vault / ".vaultgraph-cache"
    cache.mkdir()
    (cache / ".gitignore").symlink_to(outside / "created-by-vaultgraph")  # dangling: would be created
    (cache / "files.msgpack").symlink_to(outside / "keep.txt")  # would be read, then written through
    os.mkfifo(cache / "parse-00.msgpack")  # would be waited on forever
    before = snapshot_of(outside)
    for _ in range(2):
        result = run(["lint", str(vault)], tmp_path, env)
        assert (result.returncode, result.stderr) == (0, "")
    assert snapshot_of(outside) == before
    assert (cache / ".gitignore").is_symlink()  # left as it is, not created through


# --- 4. Broken pipes end quietly in every command -----------------------------------------------


@pytest.fixture
def talkative_vault(tmp_path: Path) -> Path:
    """Enough of every kind of output for each command to have something to write."""
    notes = {
        f"_posts/2022-10-{day:02d}-week{week}.md": (
            f"---\ntitle: 부스트캠프 {week}주차 회고\n---\n# {week}주차 회고\n\n"
            f"- pytorch의 hook 정리 \n- [[없는노트{week}]]\n- lstm이 왜 기울기를? 모르겠다\n"
        )
        for week, day in ((1, 7), (2, 14), (3, 21))
    }
    return write_files(tmp_path / "vault", notes)


PIPED = [
    ["rules"],
    ["rules", "--format", "markdown"],
    ["explain", "VG101"],
    ["--help"],
    ["--version"],
    [],
    ["lint", "{vault}"],
    ["lint", "{vault}", "--format", "json"],
    ["lint", "{vault}", "--statistics"],
    ["lint", "{vault}", "--diff"],
    ["concepts", "{vault}"],
    ["timeline", "{vault}"],
    ["report", "{vault}"],
    ["graph", "{vault}", "--format", "json", "-o", "-"],
]


@pytest.mark.parametrize("args", PIPED, ids=lambda args: " ".join(args) or "bare")
def test_a_pipe_closed_before_the_first_write_ends_every_command_quietly(
    talkative_vault: Path, env: dict[str, str], args: list[str]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes: its first write fails
    try:
        result = subprocess.run(
            [sys.executable, "-m", "vaultgraph", *(arg.format(vault=talkative_vault) for arg in args)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=TIMEOUT,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


# --- 8. lint FILE... --------------------------------------------------------------------------------


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with an Obsidian vault in `notes/` and a blog beside it that links into it."""
    root = write_files(
        tmp_path / "repo",
        {
            "notes/.obsidian/app.json": "{}",
            "notes/회고/2주차.md": "# 2주차\n\n[[LSTM]] [[없는 노트]]\n",
            "notes/개념/LSTM.md": "# LSTM \n",
            "notes/개념/GRU.md": "# GRU\n\n[[사라진 노트]]\n",
            "blog/_posts/2022-10-07-week2.md": "# week 2\n\n[[post-two]]\n",
            "blog/_posts/post-two.md": "# two\n",
            "README.txt": "not a note\n",
        },
    )
    (root / ".git").mkdir()
    return root


def test_lint_files_checks_only_them_against_their_own_vaults(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    files = ["notes/회고/2주차.md", "notes/개념/LSTM.md", "blog/_posts/2022-10-07-week2.md"]
    result = CliRunner().invoke(cli, ["lint", *files])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "notes/개념/LSTM.md:1:7: VG303 [*] [info] trailing whitespace",
        "notes/회고/2주차.md:3:10: VG101 [error] `없는 노트` not found in the vault",
        "Found 2 problems (1 error, 1 info) in 2 files (3 checked).",
        "[*] 1 fixable with `vaultgraph lint --fix`.",
    ]  # [[LSTM]] resolved in the vault; GRU's broken link was not asked about


def test_lint_files_in_json_fixes_and_diffs_only_them(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository)
    _, report = lint_json("notes/개념/LSTM.md", "notes/개념/GRU.md")
    assert (report["root"], report["files"]) == (".", 2)
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("notes/개념/GRU.md", "VG101"),
        ("notes/개념/LSTM.md", "VG303"),
    ]
    diff = CliRunner().invoke(cli, ["lint", "--diff", "notes/개념/LSTM.md"])
    assert diff.exit_code == 1 and diff.stdout.startswith("--- a/notes/개념/LSTM.md\n+++ b/notes/개념/LSTM.md\n")
    fixed = CliRunner().invoke(cli, ["lint", "--fix", "notes/개념/LSTM.md"])
    assert (fixed.exit_code, fixed.stderr) == (0, "Fixed 1 problem in 1 file.\n")
    assert (repository / "notes/개념/LSTM.md").read_text(encoding="utf-8") == "# LSTM\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notes/개념/LSTM.md", "nope.md"], "vaultgraph: error: nope.md: does not exist\n"),
        (
            ["notes/개념/LSTM.md", "blog"],
            "vaultgraph: error: blog: is a folder; give one vault folder, or note files\n",
        ),
        (
            ["--write-baseline", "b.json", "notes/개념/LSTM.md"],
            "vaultgraph: error: --write-baseline records a whole vault: give its folder, not files\n",
        ),
    ],
)
def test_lint_files_usage_errors(
    repository: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["lint", *args])
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_file_that_is_not_a_note_is_left_out(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["lint", "README.txt", "notes/.obsidian/app.json"])
    assert (result.exit_code, result.stdout) == (0, "No notes checked.\n")


@pytest.mark.parametrize(
    ("marker", "root"),
    [(".obsidian/", "vault"), ("vaultgraph.toml", "vault"), (".git/", "vault"), (None, "vault/sub")],
)
def test_vault_root_is_the_nearest_folder_with_a_marker(tmp_path: Path, marker: str | None, root: str) -> None:
    note = write_files(tmp_path, {"vault/sub/a.md": "# a\n"}) / "vault" / "sub" / "a.md"
    if marker is not None:
        target = tmp_path / "vault" / marker.rstrip("/")
        target.mkdir() if marker.endswith("/") else target.write_text("", encoding="utf-8")
    assert vault_root(note) == (tmp_path / root).resolve()


# --- 9. A folder with no notes ----------------------------------------------------------------------


@pytest.mark.parametrize(("args", "code"), [((), 0), (("--strict",), 1), (("--strict", "--exit-zero"), 0)])
def test_a_folder_with_no_notes_warns_writes_nothing_and_fails_only_when_strict(
    tmp_path: Path, user_cache: Path, args: tuple[str, ...], code: int
) -> None:
    folder = tmp_path / "typo"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG")
    result = CliRunner().invoke(cli, ["lint", str(folder), *args])
    assert (result.exit_code, result.stdout) == (code, "No notes checked.\n")
    assert result.stderr == f"vaultgraph: warning: no Markdown notes under {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == ["image.png"]  # no .vaultgraph-cache


# --- 10. Bare vaultgraph; the summary line ------------------------------------------------------------


def test_bare_vaultgraph_is_help_and_success() -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ")


@pytest.mark.parametrize(
    ("files", "summary"),
    [
        ({"a.md": "# a \n"}, "Found 1 problem (1 info) in 1 file (1 checked)."),
        ({"a.md": "# a \n", "b.md": "# b\n"}, "Found 1 problem (1 info) in 1 file (2 checked)."),
        (
            {"a.md": "[[x]] \n", "b.md": "[[y]]\n", "c.md": "# c\n"},
            "Found 3 problems (2 errors, 1 info) in 2 files (3 checked).",
        ),
        ({"a.md": "# a\n"}, "All checks passed! (1 file checked)"),
        ({"a.md": "# a\n", "b.md": "# b\n"}, "All checks passed! (2 files checked)"),
    ],
)
def test_the_summary_counts_files_with_findings_and_files_checked(
    tmp_path: Path, files: dict[str, str], summary: str
) -> None:
    write_files(tmp_path, files)
    result = CliRunner().invoke(cli, ["lint", "--no-cache", str(tmp_path)])
    assert [line for line in result.stdout.splitlines() if not line.startswith(("a.md", "b.md", "[*]"))] == [summary]
