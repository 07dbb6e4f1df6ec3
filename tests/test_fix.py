"""`--fix`: edits applied in one place; atomic writes that keep BOM, line endings, encoding and mode."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph.cli import cli
from vaultgraph.config import Config
from vaultgraph.lint.engine import select_rules
from vaultgraph.lint.fix import apply_edits, encode_note, plan_fixes, unified_diff, write_fixes
from vaultgraph.model import Edit
from vaultgraph.vault.load import load_vault

E = Edit


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        ("abc\n", [E(1, 2, 1, 3, "")], "ac\n"),  # delete one character
        ("abc\n", [E(1, 4, 1, 4, "!")], "abc!\n"),  # insert at the end of a line
        ("abc", [E(1, 4, 1, 4, "\n")], "abc\n"),  # add the final newline
        ("a\nb\nc\n", [E(2, 1, 3, 1, "")], "a\nc\n"),  # delete a whole line
        ("a\r\nb\r\nc\r\n", [E(2, 1, 3, 1, "")], "a\r\nc\r\n"),  # CRLF is one line end
        ("a\rb\rc", [E(3, 1, 3, 2, "C")], "a\rb\rC"),  # so is a lone CR
        ("ab  \r\n", [E(1, 3, 1, 99, "")], "ab\r\n"),  # a column past the line: its end
        ("a\nb", [E(1, 2, 2, 2, "")], "a"),  # across a line end
        ("abcdef", [E(1, 2, 1, 4, "X"), E(1, 3, 1, 5, "Y")], "aXdef"),  # overlapping: the later is dropped
        ("abcdef", [E(1, 3, 1, 5, "Y"), E(1, 2, 1, 4, "X")], "aXdef"),  # order given does not matter
        ("abc", [E(1, 2, 1, 3, "X"), E(1, 2, 1, 3, "X")], "aXc"),  # duplicates count once
        ("abcd", [E(1, 1, 1, 3, "X"), E(1, 3, 1, 5, "Y")], "XY"),  # adjacent edits both apply
        ("abc", [E(1, 2, 1, 2, "X"), E(1, 2, 1, 2, "Y")], "aXbc"),  # same point: only one insertion
        ("한글 \n", [E(1, 3, 1, 4, "")], "한글\n"),  # columns are code points
        ("abc", [], "abc"),
    ],
)
def test_apply_edits(text: str, edits: list[Edit], expected: str) -> None:
    assert apply_edits(text, edits) == expected


def test_apply_edits_rejects_an_edit_ending_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        apply_edits("abc", [E(1, 3, 1, 1, "")])


# Problems the fixable rules fix: an empty list item (VG301), trailing whitespace (VG303), no final newline.
BROKEN = "# 회고\n\n- 배운 점 \n-\n- 느낀 점\n\n끝"
FIXED = "# 회고\n\n- 배운 점\n- 느낀 점\n\n끝\n"


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("newline", "encoding", "bom"),
    [
        ("\n", "utf-8", False),
        ("\r\n", "utf-8", True),
        ("\r", "utf-8", False),
        ("\r\n", "cp949", False),
    ],
)
def test_fix_keeps_line_endings_bom_encoding_and_mode(tmp_path: Path, newline: str, encoding: str, bom: bool) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes((codecs.BOM_UTF8 if bom else b"") + BROKEN.replace("\n", newline).encode(encoding))
    note.chmod(0o640)
    code, out, err = lint(str(tmp_path), "--fix", "--select", "VG3")
    assert (code, err) == (0, "Fixed 3 problems in 1 file.\n")
    assert out.startswith("All checks passed!")
    expected = (codecs.BOM_UTF8 if bom else b"") + FIXED.replace("\n", newline).encode(encoding)
    assert note.read_bytes() == expected
    assert stat.S_IMODE(note.stat().st_mode) == 0o640
    assert list(tmp_path.glob(".week1.md.*")) == []  # no temp file left behind

    code, _, err = lint(str(tmp_path), "--fix", "--select", "VG3")  # a second --fix changes nothing
    assert (code, err) == (0, "")
    assert note.read_bytes() == expected


@pytest.mark.parametrize(
    ("files", "link"),
    [
        ({}, "[[LINK]](https://github.com/x)"),  # a notes repo: a Markdown link to the web
        ({"dendron.yml": "version: 5\n", "b.md": "# b\n"}, "[[to b|b]]"),  # Dendron: label first
    ],
)
def test_a_fixed_note_is_read_in_the_vaults_dialect(tmp_path: Path, files: dict[str, str], link: str) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "week1.md").write_text(f"# 회고\n\n- 배운 점 {link} \n", encoding="utf-8")
    code, out, err = lint(str(tmp_path), "--fix", "--select", "VG1,VG303")
    assert (code, err) == (0, "Fixed 1 problem in 1 file.\n")
    assert out.startswith("All checks passed!"), out  # no VG101 from the note read again after the fix


MARKS = [
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
]


@pytest.mark.parametrize("lead", ["", "\ufeff"], ids=["plain", "feff-after-bom"])
@pytest.mark.parametrize(("mark", "codec"), MARKS, ids=[codec for _, codec in MARKS])
def test_a_safe_fix_keeps_utf16_and_utf32_with_their_byte_order(
    tmp_path: Path, mark: bytes, codec: str, lead: str
) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes(mark + (lead + BROKEN).replace("\n", "\r\n").encode(codec))
    code, _, err = lint(str(tmp_path), "--fix", "--select", "VG3")
    assert (code, err) == (0, "Fixed 3 problems in 1 file.\n")
    assert note.read_bytes() == mark + (lead + FIXED).replace("\n", "\r\n").encode(codec)


@pytest.mark.parametrize(("mark", "codec"), MARKS, ids=[codec for _, codec in MARKS])
def test_unsafe_fixes_reencode_utf16_and_utf32_to_utf8(tmp_path: Path, mark: bytes, codec: str) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes(mark + BROKEN.encode(codec))
    code, out, err = lint(str(tmp_path), "--fix", "--unsafe-fixes")
    assert (code, err) == (0, "Fixed 4 problems in 1 file.\n")
    assert note.read_bytes() == FIXED.encode()
    assert out.startswith("All checks passed!")


@pytest.mark.parametrize(
    ("text", "encoding"), [("x", "binary"), ("x", "unknown"), ("x", "no-such-codec"), ("🙂", "cp949")]
)
def test_encode_note_refuses_what_it_cannot_write_with_a_value_error(text: str, encoding: str) -> None:
    with pytest.raises(ValueError):
        encode_note(text, encoding, False)


def test_unreadable_notes_get_no_fix_even_with_unsafe_fixes(tmp_path: Path) -> None:
    # The crash this replaces: `--fix --unsafe-fixes` tried to write a note read as "binary".
    (tmp_path / "nul.md").write_bytes(b"# x \x00\n")
    (tmp_path / "bad.md").write_bytes(codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff")
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.md")}
    code, out, err = lint(str(tmp_path), "--fix", "--unsafe-fixes")
    assert (code, err) == (1, "")
    assert out.count("VG001") == 2
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.md")} == before


def test_reencoding_to_utf8_needs_unsafe_fixes(tmp_path: Path) -> None:
    note = tmp_path / "old.md"
    data = "# 예전 노트\n\n내용\n".encode("cp949")
    note.write_bytes(data)
    code, out, err = lint(str(tmp_path), "--fix")
    assert (code, err, note.read_bytes()) == (0, "", data)
    assert "VG002" in out
    code, out, err = lint(str(tmp_path), "--fix", "--unsafe-fixes")
    assert (code, err) == (0, "Fixed 1 problem in 1 file.\n")
    assert note.read_bytes() == "# 예전 노트\n\n내용\n".encode()
    assert out.startswith("All checks passed!")


def test_diff_previews_and_writes_nothing(tmp_path: Path) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes(BROKEN.encode("utf-8"))
    before = (note.read_bytes(), note.stat().st_mtime_ns)
    code, out, err = lint(str(tmp_path), "--diff", "--select", "VG3")
    assert code == 1
    assert out == (
        "--- a/week1.md\n+++ b/week1.md\n@@ -1,7 +1,6 @@\n # 회고\n \n"
        "-- 배운 점 \n--\n+- 배운 점\n - 느낀 점\n \n-끝\n\\ No newline at end of file\n+끝\n"
    )
    assert err == "Would fix 3 problems in 1 file.\n"
    assert (note.read_bytes(), note.stat().st_mtime_ns) == before
    lint(str(tmp_path), "--fix")
    assert lint(str(tmp_path), "--diff") == (0, "", "")


def test_diff_shows_a_reencode(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes("# 노트\n".encode("cp949"))
    code, out, _ = lint(str(tmp_path), "--diff", "--unsafe-fixes")
    assert (code, out) == (1, "--- a/old.md\n+++ b/old.md\n# encoding: cp949 -> utf-8\n")


def _plan(root: Path):  # type: ignore[no-untyped-def]
    vault = load_vault(root)
    return vault, plan_fixes(vault, Config(), select_rules(Config()))


def test_a_file_changed_between_read_and_write_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes(BROKEN.encode("utf-8"))
    vault, plan = _plan(tmp_path)
    assert [c.path for c in plan.changed] == ["week1.md"]
    note.write_bytes(b"# someone else's edit\n")
    result = write_fixes(tmp_path, plan, vault)
    assert result.changed == []
    assert result.refused == [("week1.md", "changed on disk since it was read; not written")]
    assert note.read_bytes() == b"# someone else's edit\n"
    assert result.vault.notes["week1.md"].text == BROKEN  # what remains to report is what is on disk


def test_a_file_changed_between_lint_and_plan_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "week1.md"
    note.write_bytes(BROKEN.encode("utf-8"))
    vault = load_vault(tmp_path)
    note.write_bytes(b"- changed\n-\n")
    plan = plan_fixes(vault, Config(), select_rules(Config()))
    assert plan.changed == []
    assert plan.refused == [("week1.md", "changed on disk since it was read; lint again")]
    assert note.read_bytes() == b"- changed\n-\n"


def test_a_symlink_leaving_the_vault_is_not_written(tmp_path: Path) -> None:
    vault_dir, outside = tmp_path / "vault", tmp_path / "outside.md"
    vault_dir.mkdir()
    note = vault_dir / "week1.md"
    note.write_bytes(BROKEN.encode("utf-8"))
    vault, plan = _plan(vault_dir)
    # Same bytes outside, so only the symlink check can stop the write.
    outside.write_bytes(BROKEN.encode("utf-8"))
    note.unlink()
    os.symlink(outside, note)
    result = write_fixes(vault_dir, plan, vault)
    assert result.changed == []
    assert result.refused == [("week1.md", "its real path leaves the vault (symlink); not written")]
    assert outside.read_bytes() == BROKEN.encode("utf-8") and note.is_symlink()


def test_a_symlink_inside_the_vault_is_fixed_through(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "week1.md"
    target.write_bytes(BROKEN.encode("utf-8"))
    os.symlink(target, tmp_path / "link.md")
    code, _, _ = lint(str(tmp_path), "--fix", "--select", "VG3", "--ignore", "VG402")
    assert code == 0
    assert (tmp_path / "link.md").is_symlink()
    assert target.read_bytes() == FIXED.encode("utf-8")


def test_unified_diff_of_a_plan(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_bytes(b"a \r\n")
    _, plan = _plan(tmp_path)
    assert unified_diff(plan.changed[0]) == "--- a/n.md\n+++ b/n.md\n@@ -1 +1 @@\n-a \r\n+a\r\n"
    assert plan.changed[0].codes == {"VG303": 1}
