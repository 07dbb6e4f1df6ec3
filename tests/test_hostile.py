"""Hostile vaults: whatever a file holds, every command gives a clear diagnostic or skips it, in bounded time.

Each hostile file is parsed in its own subprocess with a timeout, so a hang (catastrophic regex
backtracking happens in C, where `signal.alarm` cannot interrupt it) fails one case instead of the
suite, and a traceback is caught as text on stderr. Then every command runs over the whole vault.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import pytest

from vaultgraph.cli import cli
from vaultgraph.config import Config
from vaultgraph.lint.engine import lint_vault, select_rules
from vaultgraph.parse.note import split_lines
from vaultgraph.vault.load import load_vault

PER_FILE_SECONDS = 30
PER_COMMAND_SECONDS = 300
HANGUL_NFD = unicodedata.normalize("NFD", "한글노트")


def _binary() -> bytes:
    rng = random.Random(8)
    return bytes(rng.randrange(256) for _ in range(4096))


def _binary_without_nul() -> bytes:
    """High bytes only: not UTF-8, and the CP949 fallback must cope with garbage (or give up) gracefully."""
    rng = random.Random(9)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(4096))


# name -> (bytes, codes parse_note must report for this file). Codes are exact: a missing diagnostic
# (a silent `{}` for broken YAML) fails as surely as a crash does.
FILES: dict[str, tuple[bytes, set[str]]] = {
    "invalid-yaml.md": (b"---\ntitle: [unclosed\nkey: : :\n---\nbody\n", {"VG201"}),
    "unclosed-front-matter.md": (b"---\ntitle: x\nthe body never closes the block\n", {"VG201"}),
    "front-matter-list.md": (b"---\n- a\n- b\n---\ntext\n", {"VG201"}),
    "front-matter-unhashable-key.md": (b"---\n? [a, b]\n: c\n---\n", {"VG201"}),
    "front-matter-bad-date.md": (b"---\ndate: 2022-02-30\n---\n", {"VG201"}),
    "front-matter-late.md": (b"intro line\n---\ntitle: late\n---\n", set()),
    "front-matter-after-blank.md": (b"\n---\ntitle: late\n---\n", set()),
    "front-matter-recursive.md": (b"---\ntags: &t [a, *t]\naliases: &a [*a, b]\ntitle: &x [*x]\n---\n#tag\n", set()),
    "front-matter-laughs.md": (
        b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\naliases: [*d, *d, *d]\n---\n",
        set(),
    ),
    "bom-crlf.md": (b"\xef\xbb\xbf---\r\ntitle: t\r\n---\r\n# H\r\n\r\nsee [[missing-one]] here\r\n", set()),
    "cr-only.md": (b"# Old Mac\r\rsee [[cr-target]]\r", set()),
    "cp949.md": ("# 회고\n\n배운 점: [[없는노트]]\n".encode("cp949"), {"VG002"}),
    "euc-kr.md": ("# 주간 회고\n\n텐서를 배웠다\n".encode("euc_kr"), {"VG002"}),
    "utf16.md": ("# UTF-16 노트\n".encode("utf-16"), {"VG002"}),
    "nul.md": (b"abc\x00def\n", {"VG001"}),
    "binary.md": (_binary(), {"VG001"}),
    "png-named-md.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), {"VG001"}),
    "empty.md": (b"", set()),
    "front-matter-only.md": (b"---\ntitle: only\n---\n", set()),
    "front-matter-only-no-newline.md": (b"---\ntitle: only\n---", set()),
    "long-line.md": (b"x" * (5 * 1024 * 1024), set()),
    "deep-list.md": ("".join("  " * i + "- item\n" for i in range(3000)).encode(), set()),
    "deep-quote.md": (b">" * 5000 + b" deep\n", set()),
    "unclosed-wikilink.md": (b"[[" + b"a" * 200_000 + b"\n", set()),
    "many-open-wikilinks.md": (b"[[" * 100_000 + b"\n", set()),
    "nested-wikilinks.md": (b"[[" * 30_000 + b"]]" * 30_000 + b"\n", set()),
    "many-open-brackets.md": (b"[" * 100_000 + b"](" * 50_000 + b"\n", set()),
    "many-comments.md": (b"%% a " * 50_000 + b"\n", set()),
    "many-tags.md": (b" #a/" * 50_000 + b"\n", set()),
    # Pasted from a terminal: characters XML cannot hold must not break the GraphML/GEXF/JUnit outputs.
    "control-chars.md": (
        (
            '---\ntitle: "esc \\x1b[31m red \\x0b"\ntags: ["\\x7f del"]\n---\n'
            "# heading \x1b[0m \x0c \ufffe \u2028\n\n- **LSTM\x01**\x02 [[target\x03]] #tag\x1b\n"
        ).encode(),
        set(),
    ),
}
# Binary without NUL bytes may or may not decode as CP949; either answer is a clear diagnostic.
LOOSE_FILES: dict[str, tuple[bytes, tuple[set[str], ...]]] = {
    "binary-no-nul.md": (_binary_without_nul(), ({"VG001"}, {"VG002"})),
}

LINKING_NOTES: dict[str, str] = {
    "links-nfc.md": "[[한글노트]] and [[한글노트#없는 제목]]\n",
    "escape.md": "[[../../../etc/passwd]]\n[x](../../../../etc/passwd)\n![[../../secret.png]]\n"
    "[y](/../../etc/passwd)\n[[../outside-secret]]\n[z](../outside-secret.md)\n",
    "a:b?.md": "# Windows cannot hold this name\n\n[[🧠 뇌]]\n",
    "🧠 뇌.md": "# 이모지\n\n[[a:b?]]\n",
    '<>|"*.md': "reserved characters\n",
    HANGUL_NFD + ".md": "# 한글\n",
    "x.md/inside.md": "a note inside a folder named like a note\n",
}


def build_hostile_vault(root: Path) -> Path:
    """Write the hostile vault under `root/vault` (with a secret file beside it) and return the vault path."""
    vault = root / "vault"
    vault.mkdir(parents=True)
    (root / "outside-secret.md").write_text("SECRET: a note outside the vault\n")
    for name, (data, _) in {**FILES, **LOOSE_FILES}.items():
        (vault / name).write_bytes(data)
    for name, text in LINKING_NOTES.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    (vault / "loop").mkdir()
    os.symlink("..", vault / "loop" / "up")  # a folder loop
    os.symlink("self-loop.md", vault / "self-loop.md")  # a file loop: reading it fails with ELOOP
    os.symlink("nowhere/gone.md", vault / "dangling.md")  # unreadable even for root: the target is gone
    os.symlink("../outside-secret.md", vault / "escape-link.md")  # a symlink that leaves the vault
    os.symlink("/etc", vault / "etc")
    (vault / os.fsdecode(b"\xff\xfe not utf-8.md")).write_text("[[missing]]\n")  # Linux names are bytes
    (vault / "new\nline.md").write_text("[[a:b?]]\n")
    return vault


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_vault(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The user cache (the parse cache's key) in a temp folder, not in the home of whoever runs the tests."""
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("xdg-cache"))}


def run_cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "vaultgraph", *args],
        capture_output=True,
        text=True,
        timeout=PER_COMMAND_SECONDS,
        cwd=cwd,
        env=env,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def warm_hostile(hostile: Path, cli_env: dict[str, str]) -> Path:
    """One lint run fills the parse cache, so each command below pays for its own work, not for parsing."""
    run_cli(["lint", "--format", "json", str(hostile)], cli_env, hostile.parent)
    return hostile


PARSE_ONE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from vaultgraph.parse.note import parse_note, split_lines
    path = Path(sys.argv[1])
    note = parse_note(path.name, path.read_bytes())
    lines = split_lines(note.text)
    spans = [(l.span.line, l.span.column, l.span.end_line, l.span.end_column) for l in note.links]
    spans += [(p.line, p.column, p.end_line or p.line, p.end_column or p.column) for p in note.problems]
    spans += [(t.line, max(t.column, 1), t.line, max(t.column, 1)) for t in note.tags]
    outside = [s for s in spans if not (1 <= s[0] <= len(lines) and 1 <= s[1] <= len(lines[s[0] - 1]) + 1
                                        and 1 <= s[2] <= len(lines) and 1 <= s[3] <= len(lines[s[2] - 1]) + 1)]
    print(json.dumps({"codes": sorted({p.code for p in note.problems}), "outside": outside,
                      "readable": note.readable, "title": note.title}))
""")


def parse_in_subprocess(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PARSE_ONE, str(path)], capture_output=True, text=True, timeout=PER_FILE_SECONDS
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_hostile_file_parses_in_bounded_time_with_the_right_diagnostic(hostile: Path, name: str) -> None:
    outcome = parse_in_subprocess(hostile / name)
    assert set(outcome["codes"]) == FILES[name][1]
    assert outcome["outside"] == []
    assert outcome["title"]


# Big notes: parsed in bounded time, with every position inside its line. They are not in the
# hostile vault, whose every command also builds concepts and graphs (benchmarks/big_notes.py
# measures a 50 MB note, a line of 400k wikilinks and a list nested 10k deep, and their growth).
BIG_FILES: dict[str, bytes] = {
    "many-wikilinks-one-line.md": " ".join(f"[[n{i}]]" for i in range(100_000)).encode() + b"\n",
    "korean-links-one-line.md": " ".join(f"[[노트{i}]] 한국어 #태그{i}" for i in range(30_000)).encode(),
    "deep-list-one-line.md": b"- " * 10_000 + b"item\n",
    "deep-ordered-list-one-line.md": b"1. " * 10_000 + b"x\n",
}


@pytest.mark.parametrize("name", sorted(BIG_FILES))
def test_each_big_note_parses_in_bounded_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BIG_FILES[name])
    outcome = parse_in_subprocess(path)
    assert outcome["codes"] == [] and outcome["outside"] == []


def test_binary_without_nul_is_either_unreadable_or_a_fallback_encoding(hostile: Path) -> None:
    for name, (_, allowed) in LOOSE_FILES.items():
        outcome = parse_in_subprocess(hostile / name)
        assert set(outcome["codes"]) in allowed
        assert outcome["outside"] == []


@pytest.fixture(scope="module")
def linted(hostile: Path) -> tuple:
    vault = load_vault(hostile)
    return vault, lint_vault(vault, Config(), select_rules(Config()))


def test_every_finding_lies_inside_its_file(hostile: Path, linted: tuple) -> None:
    vault, diagnostics = linted
    assert diagnostics
    for d in diagnostics:
        note = vault.notes[d.path]
        lines = split_lines(note.text) if note.readable else [""]
        assert 1 <= d.line <= d.end_line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d


def test_walk_survives_loops_folders_named_md_and_symlinks(linted: tuple) -> None:
    vault, _ = linted
    assert "x.md" not in vault.notes and "x.md/inside.md" in vault.notes
    assert not any(p.startswith(("loop/up", "etc/")) for p in vault.notes), "followed a loop or left the vault"
    assert "escape-link.md" not in vault.notes, "a symlink leaving the vault was indexed"
    assert "self-loop.md" not in vault.notes  # a link loop cannot be read or resolved: skipped


def test_names_that_are_not_text_are_escaped_not_fatal(linted: tuple) -> None:
    vault, diagnostics = linted
    assert {"\\xff\\xfe not utf-8.md", "new\nline.md"} <= set(vault.notes)
    assert [d.code for d in diagnostics if d.path == "\\xff\\xfe not utf-8.md"] == ["VG101"]
    assert vault.notes["new\nline.md"].links[0].target == "a:b?"


def test_unreadable_file_is_vg001_not_a_crash(linted: tuple) -> None:
    _, diagnostics = linted
    codes = {d.code for d in diagnostics if d.path == "dangling.md"}
    assert codes == {"VG001"}


@pytest.mark.parametrize(
    "path, code, line, column, end_column",
    [
        ("bom-crlf.md", "VG101", 6, 5, 20),  # BOM is not a column, CRLF is one line end
        ("cp949.md", "VG101", 3, 7, 15),  # positions of decoded CP949 text are in characters
        ("cr-only.md", "VG101", 3, 5, 18),  # old-Mac CR line ends
        ("invalid-yaml.md", "VG201", 3, 4, 4),
    ],
)
def test_positions_survive_bom_crlf_and_legacy_encodings(
    linted: tuple, path: str, code: str, line: int, column: int, end_column: int
) -> None:
    _, diagnostics = linted
    found = [(d.line, d.column, d.end_column) for d in diagnostics if d.path == path and d.code == code]
    assert found == [(line, column, end_column)]


def test_nfd_hangul_file_name_is_found_by_an_nfc_link(linted: tuple) -> None:
    vault, diagnostics = linted
    assert "한글노트.md" in vault.notes  # NFC in the index
    assert [d.code for d in diagnostics if d.path == "links-nfc.md"] == ["VG103"]  # only the missing heading


def test_windows_invalid_and_emoji_names_link_to_each_other(linted: tuple) -> None:
    _, diagnostics = linted
    assert not [d for d in diagnostics if d.path in ("a:b?.md", "🧠 뇌.md") and d.code.startswith("VG1")]


def test_links_that_climb_out_are_broken_and_resolve_to_nothing(linted: tuple) -> None:
    vault, diagnostics = linted
    note = vault.notes["escape.md"]
    assert len(note.links) == 6
    for link in note.links:
        resolution = vault.resolve(link, note)
        assert resolution.status == "outside" and resolution.path is None, link
    codes = [(d.line, d.code) for d in diagnostics if d.path == "escape.md"]
    assert codes == [(1, "VG101"), (2, "VG101"), (3, "VG102"), (4, "VG101"), (5, "VG101"), (6, "VG101")]


AUDIT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    vault = Path(sys.argv[1]).resolve()
    sandbox = vault.parent
    touched = []
    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            absolute = Path(os.path.abspath(path))
            if absolute == Path("/etc/passwd") or (absolute.is_relative_to(sandbox)
                                                    and not absolute.is_relative_to(vault)):
                touched.append(path)
            elif absolute.is_relative_to(vault) and not os.path.realpath(absolute).startswith(str(vault)):
                touched.append(path + " -> " + os.path.realpath(absolute))
    sys.addaudithook(hook)
    from vaultgraph.cli import cli
    try:
        cli(sys.argv[2:] + [str(vault)], prog_name="vaultgraph")
    except SystemExit as exc:
        code = exc.code
    print("TOUCHED", touched, file=sys.stderr)
    sys.exit(0 if not touched else 3)
""")


@pytest.mark.parametrize("args", [["lint", "--format", "json"], ["graph", "--format", "json", "-o", "-"]])
def test_no_command_opens_anything_outside_the_vault(
    warm_hostile: Path, cli_env: dict[str, str], args: list[str]
) -> None:
    """An audit hook sees every `open`: none may reach the secret beside the vault or /etc/passwd."""
    result = subprocess.run(
        [sys.executable, "-c", AUDIT, str(warm_hostile), *args],
        capture_output=True,
        text=True,
        timeout=PER_COMMAND_SECONDS,
        env=cli_env,
    )
    assert "TOUCHED []" in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0
    assert "SECRET" not in result.stdout


def command_lines() -> list[list[str]]:
    """Every command the CLI has today, with each output format it offers."""
    lines = [["lint", "--statistics"]]
    for name in ("lint", "graph", "concepts", "timeline", "report"):
        command = cli.commands.get(name)
        if command is None:
            continue
        formats = next(
            (
                p.type.choices
                for p in command.params
                if p.name in ("output_format", "format") and hasattr(p.type, "choices")
            ),
            [None],
        )
        for fmt in formats:
            lines.append([name] + (["--format", fmt] if fmt else []))
    return lines


@pytest.mark.parametrize("args", command_lines(), ids=" ".join)
def test_every_command_over_the_hostile_vault_exits_cleanly(
    warm_hostile: Path, cli_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "out"
    if args[0] in ("graph", "timeline", "report"):
        args = [*args, "-o", str(out)]
    result = run_cli([*args, str(warm_hostile)], cli_env, tmp_path)
    text = out.read_text(encoding="utf-8") if out.exists() else result.stdout
    assert "SECRET" not in text
    fmt = args[args.index("--format") + 1] if "--format" in args else None
    if fmt in ("graphml", "gexf", "junit"):
        ElementTree.fromstring(text.encode("utf-8"))  # well-formed XML, control characters and all
    elif fmt in ("json", "sarif"):
        json.loads(text)
    if args[0] == "lint" and "json" in args:
        codes = {(d["path"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
        assert {
            ("nul.md", "VG001"),
            ("dangling.md", "VG001"),
            ("cp949.md", "VG002"),
            ("invalid-yaml.md", "VG201"),
            ("escape.md", "VG101"),
        } <= codes
