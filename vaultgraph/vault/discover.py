"""Walk a vault the way Obsidian sees it: hidden folders, excluded files and config globs left out.

Symlinks are followed only while they stay inside the vault, and each real folder is entered once,
so a link loop or a link to `/` cannot make the walk escape or spin.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from vaultgraph.unicode import nfc

# Folders Obsidian never indexes; every dot-folder is hidden in Obsidian as well.
ALWAYS_SKIPPED = frozenset({"node_modules", "__pycache__"})
NOTE_SUFFIX = ".md"


@dataclass(slots=True)
class Discovery:
    notes: list[tuple[str, Path]] = field(default_factory=list)
    """(vault-relative POSIX NFC path, absolute path) of every Markdown file, sorted."""
    attachments: list[str] = field(default_factory=list)
    """Every other file (images, PDFs, canvases), vault-relative."""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, message) for folders that could not be listed."""


def readable_name(name: str) -> str:
    """A file name that is not valid UTF-8 (Linux allows any bytes) as text: `\\xff` for the byte 0xff.

    Python hands such names over with lone surrogates, which no output, JSON or cache key can encode;
    the escaped form is still unique, and the real `Path` is kept for reading.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def obsidian_ignore_filters(root: Path) -> list[str]:
    """The vault's own "Excluded files" setting, or [] when it is absent or unreadable."""
    try:
        settings = json.loads((root / ".obsidian" / "app.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    filters = settings.get("userIgnoreFilters") if isinstance(settings, dict) else None
    return [f for f in filters if isinstance(f, str) and f] if isinstance(filters, list) else []


class Exclusions:
    """Obsidian filters (path prefixes, or `/regex/`) and config globs, matched on relative paths."""

    def __init__(self, obsidian_filters: list[str], globs: list[str]):
        self.prefixes = [f for f in obsidian_filters if not (len(f) > 2 and f.startswith("/") and f.endswith("/"))]
        self.regexes = []
        for f in obsidian_filters:
            if len(f) > 2 and f.startswith("/") and f.endswith("/"):
                try:
                    self.regexes.append(re.compile(f[1:-1]))
                except re.error:
                    continue  # Obsidian ignores a filter it cannot compile; so do we
        self.globs = [g.rstrip("/") for g in globs]

    def excluded(self, rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        if any(probe.startswith(p) or rel == p.rstrip("/") for p in self.prefixes):
            return True
        if any(r.search(probe) for r in self.regexes):
            return True
        for pattern in self.globs:
            if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(probe, pattern):
                return True
            if pattern.endswith("/**") and (rel == pattern[:-3] or rel.startswith(pattern[:-2])):
                return True
        return False


def discover(root: Path, exclude: list[str] | tuple[str, ...] = ()) -> Discovery:
    root = root.resolve()
    exclusions = Exclusions(obsidian_ignore_filters(root), list(exclude))
    found = Discovery()
    seen_dirs: set[tuple[int, int]] = set()

    def walk(directory: Path, rel_dir: str) -> None:
        try:
            stat = directory.stat()
            if (stat.st_dev, stat.st_ino) in seen_dirs:
                return
            seen_dirs.add((stat.st_dev, stat.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.errors.append((rel_dir or ".", f"cannot list folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            name = nfc(readable_name(entry.name))
            if name.startswith(".") or name in ALWAYS_SKIPPED:
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            path = Path(entry.path)
            try:
                if entry.is_symlink() and not _inside(path, root):
                    continue
                is_dir = entry.is_dir()
            except OSError:
                continue
            if exclusions.excluded(rel, is_dir):
                continue
            if is_dir:
                walk(path, rel)
            elif name.lower().endswith(NOTE_SUFFIX):
                found.notes.append((rel, path))
            else:
                found.attachments.append(rel)

    walk(root, "")
    found.notes.sort()
    found.attachments.sort()
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (OSError, ValueError, RuntimeError):
        return False
    return True
