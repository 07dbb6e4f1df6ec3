"""Which notes are templates: the notes of the template folders the vault's Obsidian settings name.

Obsidian's core Templates plugin keeps its templates in one folder (`folder` in
`.obsidian/templates.json`), the Templater plugin in another (`templates_folder` in
`.obsidian/plugins/templater-obsidian/data.json`). A template is the frame notes are made from, not
a note: `date: {{date}}` is invalid YAML, `[[{{yesterday}}]]` a link to nowhere and `- ` an item
left empty on purpose until the template is used. So lint checks no template, as a markdownlint-cli2
user lists the folder in `ignores`, and `--fix` never rewrites one; a template stays a note of the
vault otherwise (a link to it resolves, it is counted among the files checked).

Only the folders the settings name count: a note elsewhere that holds placeholders is linted, since
outside the template folder Obsidian inserts no template and `{{date}}` is a real mistake (in a
Jekyll post, invalid front matter). A missing or unreadable settings file names no folder, and
neither does a folder that would be the whole vault (`/`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from vaultgraph.unicode import nfc

SETTINGS = (
    (".obsidian/templates.json", "folder"),
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
)
"""(settings file, key) of each plugin that keeps templates in a folder."""


def template_folders(root: Path) -> tuple[str, ...]:
    """The vault-relative folders (NFC, no leading or trailing `/`) that the settings name, sorted."""
    folders: set[str] = set()
    for name, key in SETTINGS:
        try:
            settings = json.loads((root / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        value = settings.get(key) if isinstance(settings, dict) else None
        if isinstance(value, str):
            folder = nfc(value.replace("\\", "/").strip().strip("/"))
            if folder not in ("", "."):
                folders.add(folder.removeprefix("./"))
    return tuple(sorted(folders))


def template_notes(paths: Iterable[str], folders: tuple[str, ...]) -> frozenset[str]:
    """The vault-relative `paths` inside one of `folders`."""
    prefixes = tuple(f"{folder}/" for folder in folders)
    return frozenset(path for path in paths if prefixes and path.startswith(prefixes))
