"""`--fix` never loses data: a failed write leaves the original whole, nothing is deleted, nothing escapes.

test_fix.py covers the fixes themselves (line endings, encodings, refusals through the CLI); this file
breaks the write on purpose and checks what is left on disk.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph import atomic as atomic_module
from vaultgraph.cli import cli
from vaultgraph.config import Config
from vaultgraph.lint.engine import select_rules
from vaultgraph.lint.fix import fix_vault
from vaultgraph.parse.note import parse_note
from vaultgraph.vault.load import load_vault

# Fixable by the safe rules: trailing whitespace (VG303), an empty list item (VG301), no final newline (VG307).
BROKEN = "# 회고\n\n- 배운 점 \n-\n- 느낀 점\n\n끝"


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root (hidden ones too) with its bytes and mode; symlinks by their target."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(root))] = (os.readlink(path).encode(), 0)
        elif path.is_file():
            found[str(path.relative_to(root))] = (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
    return found


def make_vault(root: Path) -> Path:
    vault = root / "vault"
    vault.mkdir()
    (vault / "a.md").write_text(BROKEN, encoding="utf-8")
    (vault / "b.md").write_bytes(codecs.BOM_UTF8 + BROKEN.replace("\n", "\r\n").encode())
    (vault / "c.md").write_bytes(BROKEN.replace("\n", "\r\n").encode("cp949"))
    os.chmod(vault / "a.md", 0o640)
    return vault


def fix(vault: Path, unsafe: bool = False):
    rules = select_rules(Config())
    return fix_vault(load_vault(vault), Config(), rules, unsafe=unsafe)


@pytest.mark.parametrize("broken", ["os.replace", "os.fsync", "os.chmod"])
def test_a_write_that_fails_midway_leaves_the_original_and_no_temp_file(
    tmp_path: Path, broken: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path)
    before = snapshot(vault)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, broken.split(".")[1], fail)
    result = fix(vault)
    assert result.changed == [] and len(result.refused) == 3
    assert all("No space left" in why for _, why in result.refused)
    assert snapshot(vault) == before  # same files, same bytes, same modes: no temp file left either


def test_a_failed_write_is_a_message_and_exit_code_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path)
    before = snapshot(vault)
    monkeypatch.setattr(
        atomic_module.os, "replace", lambda *_: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only"))
    )
    result = CliRunner().invoke(cli, ["lint", "--fix", "--no-cache", str(vault)])
    assert result.exit_code in (0, 1), result.output
    assert "not fixed: Read-only" in result.stderr and "Traceback" not in result.output
    assert snapshot(vault) == before


def test_the_bytes_are_on_disk_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of the temp file happens before `os.replace` puts it in place (a crash shows old or new)."""
    vault = make_vault(tmp_path)
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic_module.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(atomic_module.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    fix(vault)
    assert calls == ["fsync", "replace"] * 3


def test_fix_keeps_mode_bom_line_endings_and_encoding(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    result = fix(vault)
    assert sorted(c.path for c in result.changed) == ["a.md", "b.md", "c.md"]
    assert stat.S_IMODE((vault / "a.md").stat().st_mode) == 0o640
    b = (vault / "b.md").read_bytes()
    assert b.startswith(codecs.BOM_UTF8) and b.count(b"\r\n") == b.count(b"\n") and b.endswith(b"\r\n")
    c = (vault / "c.md").read_bytes()
    assert c.decode("cp949").endswith("끝\r\n") and b"- \xb9\xe8\xbf\xee \xc1\xa1\r\n" in c  # "배운 점", stripped


def test_a_file_changed_after_it_was_read_is_refused(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    loaded = load_vault(vault)
    (vault / "a.md").write_text(BROKEN + "\n새로 쓴 줄\n", encoding="utf-8")  # someone saves meanwhile
    edited = snapshot(vault)
    result = fix_vault(loaded, Config(), select_rules(Config()))
    assert "a.md" in dict(result.refused) and "a.md" not in {c.path for c in result.changed}
    assert snapshot(vault)["a.md"] == edited["a.md"]


def test_never_writes_through_a_symlink_that_leaves_the_vault(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(BROKEN, encoding="utf-8")
    vault = make_vault(tmp_path)
    (vault / "link.md").symlink_to(outside)
    # The walk leaves the symlink out; a vault built by hand that includes it must still not be written.
    loaded = load_vault(vault)
    loaded.notes["link.md"] = parse_note("link.md", outside.read_bytes())
    result = fix_vault(loaded, Config(), select_rules(Config()))
    assert "link.md" in dict(result.refused)
    assert outside.read_text(encoding="utf-8") == BROKEN
    assert (vault / "link.md").is_symlink()


def test_nothing_is_ever_deleted_even_with_unsafe_fixes(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    (vault / "empty.md").write_bytes(b"")
    (vault / "only-empty-items.md").write_text("-\n-\n-\n", encoding="utf-8")
    (vault / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    before = snapshot(vault)
    result = fix(vault, unsafe=True)
    after = snapshot(vault)
    assert after.keys() == before.keys()
    assert {name for name in before if before[name] != after[name]} == {c.path for c in result.changed}
    assert after["c.md"][0].decode("utf-8").endswith("끝\r\n")  # re-encoded to UTF-8, line ends kept


def test_fix_over_a_hostile_vault_writes_only_what_it_fixes(tmp_path: Path) -> None:
    """Binary, NUL, legacy encodings, BOM + CRLF, broken YAML, dangling and escaping symlinks: --fix
    exits cleanly, never deletes, never follows a symlink out, and leaves unfixable files byte-identical."""
    outside = tmp_path / "outside.md"
    outside.write_text(BROKEN, encoding="utf-8")
    vault = make_vault(tmp_path)
    (vault / "binary.md").write_bytes(bytes(range(256)) * 4)
    (vault / "nul.md").write_bytes(b"- a \x00\n")
    (vault / "yaml.md").write_text("---\ntitle: [x\n---\n- a \n", encoding="utf-8")
    (vault / "euc-kr.md").write_bytes("- 텐서 \n".encode("euc_kr"))
    (vault / "dangling.md").symlink_to(tmp_path / "gone.md")
    (vault / "escape.md").symlink_to(outside)
    before = snapshot(vault)
    result = CliRunner().invoke(cli, ["lint", "--fix", "--unsafe-fixes", "--no-cache", "--format", "json", str(vault)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    after = snapshot(vault)
    assert after.keys() == before.keys()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"a.md", "b.md", "c.md", "yaml.md", "euc-kr.md"}
    assert outside.read_text(encoding="utf-8") == BROKEN
    assert after["yaml.md"][0] == b"---\ntitle: [x\n---\n- a\n"  # the YAML error stays for a human to fix
