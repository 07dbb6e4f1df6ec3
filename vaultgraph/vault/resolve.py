"""Link resolution the way Obsidian does it.

By file name without `.md`, case-insensitively, in NFC; `folder/Note` by path suffix; relative and
vault-absolute paths for Markdown links; attachments by file name. Several matches outside the
source's own folder is ambiguous. A target that climbs out of the vault never resolves; nothing
here ever opens a file, it only looks names up in the index built from the walk.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from vaultgraph.model import Link, LinkStatus, Note, Resolution

_HEADING_SEPARATORS = re.compile(r"[#|^:\[\]\s]+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def heading_key(text: str) -> str:
    """Obsidian compares heading links after folding case and treating `# | ^ : [ ]` as spaces."""
    return _HEADING_SEPARATORS.sub(" ", fold(text)).strip()


class LinkIndex:
    def __init__(self, note_paths: list[str], attachment_paths: list[str]):
        self.paths: dict[str, str] = {}
        self.names: dict[str, list[str]] = defaultdict(list)
        for path in note_paths:
            self.paths[fold(path)] = path
            self.names[fold(posixpath.basename(path))].append(path)
            self.names[fold(posixpath.basename(path)[:-3])].append(path)
        for path in attachment_paths:
            self.paths[fold(path)] = path
            self.names[fold(posixpath.basename(path))].append(path)
        self.notes = set(note_paths)

    def _status(self, path: str) -> LinkStatus:
        return "note" if path in self.notes else "attachment"

    def _exact(self, path: str) -> str | None:
        key = fold(path)
        return self.paths.get(key) or self.paths.get(key + ".md")

    def resolve(self, target: str, source: str, kind: str = "wikilink") -> Resolution:
        """Resolve `target` written in the note at `source` (both vault-relative); "" means `source` itself."""
        target = unicodedata.normalize("NFC", target.strip().replace("\\", "/"))
        if not target:
            return Resolution("note", source)
        absolute = target.startswith("/")
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(source), target.lstrip("/")))
        from_root = posixpath.normpath(target.lstrip("/"))
        climbed = relative if not absolute else from_root
        if climbed == ".." or climbed.startswith("../"):
            return Resolution("outside")
        if "/" in target or kind == "markdown":
            tries = (from_root,) if absolute else (relative, from_root)
            for candidate in tries:
                found = self._exact(candidate)
                if found:
                    return Resolution(self._status(found), found)
        name = posixpath.basename(target)
        matches = self.names.get(fold(name)) or self.names.get(fold(name) + ".md") or []
        if "/" in target:  # `folder/Note`, or a relative path that missed: match the path's tail
            tail = "/".join(part for part in target.split("/") if part not in ("", ".", ".."))
            suffix = fold(tail[:-3] if tail.lower().endswith(".md") else tail)
            matches = [
                m
                for m in matches
                if fold(m[:-3] if m.lower().endswith(".md") else m) == suffix
                or fold(m[:-3] if m.lower().endswith(".md") else m).endswith("/" + suffix)
                or fold(m) == suffix
                or fold(m).endswith("/" + suffix)
            ]
        matches = sorted(set(matches), key=lambda m: (m.count("/"), len(m), m))
        if not matches:
            return Resolution("missing")
        if len(matches) == 1:
            return Resolution(self._status(matches[0]), matches[0])
        folder = posixpath.dirname(source)
        local = [m for m in matches if posixpath.dirname(m) == folder]
        if len(local) == 1:
            return Resolution(self._status(local[0]), local[0])
        return Resolution("ambiguous", matches[0], tuple(matches))


def _bare(text: str) -> str:
    """Letters and digits only: slug dialects differ in what they do with emoji and punctuation."""
    return _NOT_ALPHANUMERIC.sub("", fold(text))


def _slugs(note: Note) -> set[str]:
    """Each heading's anchor as GitHub and Jekyll (kramdown) number them: the second `## Notes` is `#notes-1`."""
    seen: Counter[str] = Counter()
    slugs = set()
    for heading in note.headings:
        repeats = seen[heading.slug]
        seen[heading.slug] += 1
        slugs.add(f"{heading.slug}-{repeats}" if repeats else heading.slug)
    return slugs


@dataclass(frozen=True, slots=True)
class HeadingKeys:
    """What a heading link to one note may match: Obsidian's keys, slugs, and letters-and-digits forms."""

    keys: frozenset[str]
    slugs: frozenset[str]
    bare: frozenset[str]

    def match(self, heading: str) -> bool:
        """`[[Note#A#B]]` needs every level; Jekyll/GitHub/Dendron slugs (`#kl-divergence`, `#notes-1`) also match."""
        parts = [p for p in heading.split("#") if p.strip()] or [heading]
        return all(heading_key(p) in self.keys or fold(p).strip() in self.slugs or _bare(p) in self.bare for p in parts)


def heading_keys(note: Note) -> HeadingKeys:
    return HeadingKeys(
        frozenset(heading_key(h.text) for h in note.headings),
        frozenset(_slugs(note)),
        frozenset(_bare(h.text) for h in note.headings) - {""},
    )


def has_heading(note: Note, heading: str) -> bool:
    """Whether a link to `heading` in `note` finds it (`HeadingKeys.match`)."""
    return heading_keys(note).match(heading)


def has_block(note: Note, block: str) -> bool:
    wanted = fold(block)
    return any(fold(b.id) == wanted for b in note.block_ids)


def link_target(link: Link) -> str:
    """How a link is named in messages: `Note#Heading`, `Note#^id`, `#Heading`."""
    suffix = f"#^{link.block}" if link.block is not None else (f"#{link.heading}" if link.heading is not None else "")
    return link.target + suffix
