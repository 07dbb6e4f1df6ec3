"""Tests for vaultgraph.vault.discover: what a vault walk sees, as Obsidian would."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from vaultgraph.vault.discover import Exclusions, discover
from vaultgraph.vault.snapshot import take_snapshot


def make(root: Path, files: list[str]) -> None:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")


def notes(root: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    return [rel for rel, _ in discover(root, exclude).notes]


SKIPPED_FOLDERS = [
    ".obsidian/n.md",
    ".git/n.md",
    ".trash/n.md",
    "node_modules/n.md",
    ".hidden/n.md",
    "a/.private/n.md",
    "a/node_modules/pkg/readme.md",
    ".hidden.md",
]


def test_skips_hidden_and_tool_folders(tmp_path: Path) -> None:
    make(tmp_path, [*SKIPPED_FOLDERS, "keep.md", "a/keep.md"])
    assert notes(tmp_path) == ["a/keep.md", "keep.md"]


# (id, userIgnoreFilters, excluded paths, kept paths)
OBSIDIAN_FILTER_CASES = [
    ("folder-prefix", ["templates/"], ["templates/t.md", "templates/sub/t.md"], ["keep.md", "notes/templates.md"]),
    ("bare-prefix", ["Private"], ["Private/p.md"], ["keep.md"]),
    ("file-path", ["notes/secret.md"], ["notes/secret.md"], ["notes/public.md"]),
    ("regex", ["/^drafts?//"], ["draft/a.md", "drafts/b.md"], ["notes/draft.md"]),
    ("regex-anywhere", ["/\\.excalidraw\\.md$/"], ["a/x.excalidraw.md", "y.excalidraw.md"], ["a/x.md"]),
    ("bad-regex-ignored", ["/[unclosed/"], [], ["[unclosed/a.md", "keep.md"]),
    ("non-strings-ignored", [3, None, "", "templates/"], ["templates/t.md"], ["keep.md"]),
]


@pytest.mark.parametrize(
    "filters,excluded,kept", [c[1:] for c in OBSIDIAN_FILTER_CASES], ids=[c[0] for c in OBSIDIAN_FILTER_CASES]
)
def test_obsidian_user_ignore_filters(tmp_path: Path, filters: list, excluded: list[str], kept: list[str]) -> None:
    make(tmp_path, [*excluded, *kept])
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "app.json").write_text(json.dumps({"userIgnoreFilters": filters}), encoding="utf-8")
    assert notes(tmp_path) == sorted(kept)


@pytest.mark.parametrize(
    "app_json", ["{not json", "[1, 2]", '{"userIgnoreFilters": "templates/"}', "", '{"userIgnoreFilters": null}']
)
def test_malformed_app_json_is_ignored(tmp_path: Path, app_json: str) -> None:
    make(tmp_path, ["templates/t.md", "keep.md"])
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "app.json").write_text(app_json, encoding="utf-8")
    assert notes(tmp_path) == ["keep.md", "templates/t.md"]


CORE, TEMPLATER = ".obsidian/templates.json", ".obsidian/plugins/templater-obsidian/data.json"
NOTES = ["Templates/daily.md", "Templates/sub/weekly.md", "Templates.md", "TemplatesX/a.md", "notes/Templates/b.md"]
# (id, {settings file: its text}, the template notes among NOTES, _meta/templates/t.md and 템플릿/t.md)
TEMPLATE_CASES = [
    ("core-plugin", {CORE: '{"folder": "Templates"}'}, ["Templates/daily.md", "Templates/sub/weekly.md"]),
    ("templater", {TEMPLATER: '{"templates_folder": "_meta/templates/"}'}, ["_meta/templates/t.md"]),
    (
        "both-plugins",
        {CORE: '{"folder": "/Templates"}', TEMPLATER: '{"templates_folder": "_meta\\\\templates"}'},
        ["Templates/daily.md", "Templates/sub/weekly.md", "_meta/templates/t.md"],
    ),
    ("dot-slash", {CORE: '{"folder": "./Templates/"}'}, ["Templates/daily.md", "Templates/sub/weekly.md"]),
    ("nfd-setting", {CORE: json.dumps({"folder": unicodedata.normalize("NFD", "템플릿")})}, ["템플릿/t.md"]),
    ("vault-root-is-no-template-folder", {CORE: '{"folder": "/"}', TEMPLATER: '{"templates_folder": ""}'}, []),
    ("case-differs", {CORE: '{"folder": "templates"}'}, []),
    ("no-settings", {}, []),
    ("malformed", {CORE: "{not json", TEMPLATER: '["Templates"]'}, []),
    ("not-a-string", {CORE: '{"folder": ["Templates"]}', TEMPLATER: '{"templates_folder": null}'}, []),
]


@pytest.mark.parametrize("settings,templates", [c[1:] for c in TEMPLATE_CASES], ids=[c[0] for c in TEMPLATE_CASES])
def test_template_notes_are_those_of_the_settings_folders(
    tmp_path: Path, settings: dict[str, str], templates: list[str]
) -> None:
    make(tmp_path, [*NOTES, "_meta/templates/t.md", "템플릿/t.md"])
    for rel, text in settings.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    snapshot = take_snapshot(tmp_path)
    assert sorted(snapshot.templates) == sorted(templates)
    assert {rel for rel, _ in snapshot.notes} >= set(NOTES)  # a template is still a note of the vault


# (id, config exclude globs, excluded, kept)
GLOB_CASES = [
    ("folder-star-star", ["archive/**"], ["archive/a.md", "archive/old/b.md"], ["archived.md", "notes/archive.md"]),
    ("suffix", ["*.tmp.md"], ["x.tmp.md", "sub/y.tmp.md"], ["x.md", "tmp.md"]),
    ("folder-slash", ["drafts/"], ["drafts/a.md"], ["drafts.md"]),
    ("exact-file", ["README.md"], ["README.md"], ["docs/README.md"]),
    ("two-globs", ["archive/**", "*.tmp.md"], ["archive/a.md", "n.tmp.md"], ["n.md"]),
]


@pytest.mark.parametrize("globs,excluded,kept", [c[1:] for c in GLOB_CASES], ids=[c[0] for c in GLOB_CASES])
def test_config_exclude_globs(tmp_path: Path, globs: list[str], excluded: list[str], kept: list[str]) -> None:
    make(tmp_path, [*excluded, *kept])
    assert notes(tmp_path, tuple(globs)) == sorted(kept)


def test_exclusions_match_folders_themselves() -> None:
    exclusions = Exclusions(["templates/"], ["archive/**"])
    assert exclusions.excluded("templates", is_dir=True)
    assert exclusions.excluded("archive", is_dir=True)
    assert not exclusions.excluded("templates.md", is_dir=False)
    assert not exclusions.excluded("archives", is_dir=True)


def test_folder_named_like_a_note_is_not_a_note(tmp_path: Path) -> None:
    make(tmp_path, ["x.md/inner.md"])
    found = discover(tmp_path)
    assert [rel for rel, _ in found.notes] == ["x.md/inner.md"]
    assert found.attachments == []


def test_attachments_are_listed_and_notes_are_case_insensitive(tmp_path: Path) -> None:
    make(tmp_path, ["a/img.png", "doc.pdf", "board.canvas", "Upper.MD", "n.md"])
    found = discover(tmp_path)
    assert [rel for rel, _ in found.notes] == ["Upper.MD", "n.md"]
    assert found.attachments == ["a/img.png", "board.canvas", "doc.pdf"]


def test_absolute_paths_point_at_the_files(tmp_path: Path) -> None:
    make(tmp_path, ["a/b/n.md"])
    ((rel, path),) = discover(tmp_path).notes
    assert rel == "a/b/n.md" and path.read_text(encoding="utf-8") == "# x\n"


def test_nfd_file_names_come_out_nfc(tmp_path: Path) -> None:
    nfd_folder, nfd_name = unicodedata.normalize("NFD", "회고"), unicodedata.normalize("NFD", "2주차 회고.md")
    (tmp_path / nfd_folder).mkdir()
    (tmp_path / nfd_folder / nfd_name).write_text("x", encoding="utf-8")
    (tmp_path / nfd_folder / unicodedata.normalize("NFD", "그림.png")).write_bytes(b"png")
    found = discover(tmp_path)
    ((rel, path),) = found.notes
    assert rel == unicodedata.normalize("NFC", "회고/2주차 회고.md")
    assert rel != unicodedata.normalize("NFD", rel)
    assert path.read_text(encoding="utf-8") == "x"  # the path on disk still opens
    assert found.attachments == [unicodedata.normalize("NFC", "회고/그림.png")]


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    make(tmp_path, ["a/b/n.md"])
    os.symlink("../..", tmp_path / "a" / "b" / "up")  # back to the vault root
    os.symlink(".", tmp_path / "a" / "self")
    assert notes(tmp_path) == ["a/b/n.md"]


def test_symlink_leaving_the_vault_is_not_followed(tmp_path: Path) -> None:
    vault, outside = tmp_path / "vault", tmp_path / "outside"
    make(outside, ["secret.md", "sub/deep.md"])
    make(vault, ["n.md"])
    os.symlink(outside, vault / "out")
    os.symlink(outside / "secret.md", vault / "secret.md")
    os.symlink("../outside/sub", vault / "rel-out")
    found = discover(vault)
    assert [rel for rel, _ in found.notes] == ["n.md"]
    assert found.attachments == []


def test_symlink_inside_the_vault_is_followed_once(tmp_path: Path) -> None:
    make(tmp_path, ["real/n.md"])
    os.symlink("real", tmp_path / "alias")  # `alias` sorts first: the real folder is entered once, through it
    assert notes(tmp_path) == ["alias/n.md"]


def test_symlinked_vault_root_is_walked(tmp_path: Path) -> None:
    make(tmp_path / "real", ["n.md"])
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert notes(tmp_path / "link") == ["n.md"]


def test_unreadable_folder_does_not_stop_the_walk(tmp_path: Path) -> None:
    make(tmp_path, ["locked/n.md", "z.md"])
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        found = discover(tmp_path)
        readable = os.access(locked, os.R_OK | os.X_OK)  # root reads anyway
    finally:
        locked.chmod(0o755)
    listed = [rel for rel, _ in found.notes]
    assert "z.md" in listed
    if readable:
        assert listed == ["locked/n.md", "z.md"] and found.errors == []
    else:
        assert listed == ["z.md"]
        assert [rel for rel, _ in found.errors] == ["locked"]
        assert "cannot list folder" in found.errors[0][1]


def test_missing_root_is_an_error_not_an_exception(tmp_path: Path) -> None:
    found = discover(tmp_path / "nope")
    assert found.notes == [] and [rel for rel, _ in found.errors] == ["."]
