"""Walk a vault the way Obsidian sees it: hidden folders, excluded files and config globs left out.

Symlinks are followed only while they stay inside the vault, and each real folder is entered once,
so a link loop or a link to `/` cannot make the walk escape or spin. Only regular files are notes
or attachments: a named pipe, socket or device called `x.md` would block or never end when read,
so it is listed apart (`Discovery.special`) and never opened.

Names are compared in NFC, so a name macOS wrote in NFD is found by a link typed in NFC. Linux
can hold both spellings of one name side by side: then the NFC one keeps the NFC path and its twin
keeps its own spelling, so both are read and VG402 can report the pair.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import stat
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
    special: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, what it is) of every `.md` that is not a regular file: a FIFO, socket or device."""
    leftovers: list[Path] = field(default_factory=list)
    """Temporary files of an interrupted `--fix` (`.NAME.*.vaultgraph-tmp`), for the next one to remove."""


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


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
LEFTOVER = re.compile(r"\..+\.vaultgraph-tmp\Z", re.S)
"""The name `atomic.replacing` gives its temporary file."""


def special_kind(mode: int) -> str | None:
    """What a file of this `st_mode` is when it is neither a regular file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), "not a regular file")


def _names(entries: list[os.DirEntry[str]]) -> list[str]:
    """The name each entry is known by: NFC, except the non-NFC twin of a name also spelled in NFC."""
    spelled = {readable_name(entry.name) for entry in entries}
    names = []
    for entry in entries:
        raw = readable_name(entry.name)
        name = nfc(raw)
        names.append(raw if name != raw and name in spelled else name)
    return names


def discover(root: Path, exclude: list[str] | tuple[str, ...] = ()) -> Discovery:
    root = root.resolve()
    exclusions = Exclusions(obsidian_ignore_filters(root), list(exclude))
    found = Discovery()
    seen_dirs: set[tuple[int, int]] = set()

    def walk(directory: Path, rel_dir: str) -> None:
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return
            seen_dirs.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.errors.append((rel_dir or ".", f"cannot list folder: {exc.strerror or exc}"))
            return
        for entry, name in zip(entries, _names(entries), strict=True):
            if name.startswith(".") or name in ALWAYS_SKIPPED:
                if LEFTOVER.match(name) and entry.is_file(follow_symlinks=False):
                    found.leftovers.append(Path(entry.path))
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            path = Path(entry.path)
            try:
                if entry.is_symlink() and not _inside(path, root):
                    continue
                is_dir = entry.is_dir()
                # The kind of entry comes with the listing (no stat) for folders and regular files.
                kind = None if is_dir or entry.is_file() else special_kind(entry.stat().st_mode)
            except FileNotFoundError:
                is_dir, kind = False, None  # a dangling link: listed, so that reading it reports the broken link
            except OSError:
                continue
            if exclusions.excluded(rel, is_dir):
                continue
            if is_dir:
                walk(path, rel)
            elif kind is not None:
                if name.lower().endswith(NOTE_SUFFIX):
                    found.special.append((rel, kind))
            elif name.lower().endswith(NOTE_SUFFIX):
                found.notes.append((rel, path))
            else:
                found.attachments.append(rel)

    walk(root, "")
    found.notes.sort()
    found.attachments.sort()
    found.special.sort()
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (OSError, ValueError, RuntimeError):
        return False
    return True
