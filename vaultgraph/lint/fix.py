"""`--fix`: fixes are data (`Edit`s on diagnostics), planned in memory and written in one place.

Planning re-lints the edited notes until nothing fixable is left (at most `MAX_PASSES` times), so a fix
that uncovers another problem is fixed too and a second `--fix` finds nothing to do. Writing is atomic
(`atomic.replacing`: temp file in the same folder, fsync, rename), keeps the file's mode, BOM, line
endings (rules write edits in the note's own newline style) and encoding, and refuses a file that
changed on disk since it was read or whose real path leaves the vault. Nothing is ever deleted but
the temporary files of an earlier `--fix` that was killed before it could remove them
(`atomic.remove_leftovers`).
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from vaultgraph.atomic import remove_leftovers, replacing
from vaultgraph.config import Config
from vaultgraph.lint.engine import lint_vault
from vaultgraph.lint.rule import Rule
from vaultgraph.model import Diagnostic, Edit, Note, Vault
from vaultgraph.parse.decode import byte_order_mark, decode
from vaultgraph.parse.lines import LINE_END
from vaultgraph.vault.snapshot import read_note_bytes

MAX_PASSES = 10
REENCODE_CODE = "VG002"
"""The one fix that is not an edit: rewrite the note as UTF-8 (unsafe: the bytes change for every line)."""


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in LINE_END.finditer(text))]


def _offset(text: str, starts: list[int], line: int, column: int) -> int:
    """Offset of a 1-based (line, column); a column past the line's text is clamped to its end."""
    if line < 1 or column < 1:
        raise ValueError(f"edit position {line}:{column} is not 1-based")
    if line > len(starts):
        return len(text)
    start = starts[line - 1]
    end_of_text = len(text) if line == len(starts) else LINE_END.search(text, start).start()  # type: ignore[union-attr]
    return min(start + column - 1, end_of_text)


def _spans(text: str, edits: Iterable[Edit]) -> list[tuple[int, int, str]]:
    starts = _line_starts(text)
    spans = []
    for edit in edits:
        start = _offset(text, starts, edit.line, edit.column)
        end = _offset(text, starts, edit.end_line, edit.end_column)
        if end < start:
            raise ValueError(
                f"edit ends ({edit.end_line}:{edit.end_column}) before it starts ({edit.line}:{edit.column})"
            )
        spans.append((start, end, edit.replacement))
    return spans


def _overlaps(span: tuple[int, int, str], taken: list[tuple[int, int, str]]) -> bool:
    """Overlapping ranges, or two edits at the same start (their order would be a guess)."""
    start, end, _ = span
    return any(start < t_end and t_start < end or start == t_start for t_start, t_end, _ in taken)


def _splice(text: str, spans: list[tuple[int, int, str]]) -> str:
    parts, position = [], 0
    for start, end, replacement in sorted(spans):
        parts += [text[position:start], replacement]
        position = end
    return "".join(parts) + text[position:]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits (raw 1-based positions, end exclusive); an edit overlapping an earlier one is dropped.

    Duplicates (two rules proposing the same edit) count once; of two insertions at the same point only
    the first given is applied. Pure: no I/O.
    """
    taken: list[tuple[int, int, str]] = []
    # dict.fromkeys: duplicates once, and of two edits starting at one point the first given wins.
    for span in sorted(dict.fromkeys(_spans(text, edits)), key=lambda s: (s[0], s[1])):
        if not _overlaps(span, taken):
            taken.append(span)
    return _splice(text, taken)


def _choose(text: str, diagnostics: list[Diagnostic]) -> tuple[list[tuple[int, int, str]], list[Diagnostic]]:
    """All-or-nothing per diagnostic: its edits are taken only if none overlaps one already taken."""
    taken: list[tuple[int, int, str]] = []
    fixed: list[Diagnostic] = []
    for diagnostic in diagnostics:
        spans = [s for s in dict.fromkeys(_spans(text, diagnostic.edits)) if s not in taken]
        if any(_overlaps(s, taken) for s in spans):
            continue
        taken.extend(spans)
        fixed.append(diagnostic)
    return taken, fixed


def encode_note(text: str, encoding: str, bom: bool, original: bytes = b"") -> bytes:
    """Text back to bytes the way the file had them: its BOM, and for UTF-16/32 the original's byte order.

    Raises ValueError for an encoding that cannot be written (`binary`, `unknown`) or that cannot
    hold the text (UnicodeEncodeError is a ValueError).
    """
    if encoding in ("utf-16", "utf-32"):
        mark = byte_order_mark(original)
        if mark is None or mark[1] != encoding:  # a new file: little-endian, as Windows writes it
            mark = byte_order_mark(text.encode(encoding))
        assert mark is not None  # Python's utf-16/utf-32 codecs write a BOM
        return mark[0] + text.encode(mark[2])
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"cannot write text as {encoding!r}") from None
    return (codecs.BOM_UTF8 if bom and encoding == "utf-8" else b"") + text.encode(encoding)


@dataclass(frozen=True, slots=True)
class FileFix:
    """One file's planned (or written) change."""

    path: str
    original: bytes
    """The bytes on disk when the plan was made; a write is refused if they changed since."""
    fixed: bytes
    old_text: str
    new_text: str
    old_encoding: str
    new_encoding: str
    codes: Counter[str]
    """How many findings of each rule the change fixes."""


@dataclass(slots=True)
class FixResult:
    vault: Vault
    """The vault as it is after the fixes (refused files as they are on disk): lint it for what remains."""
    changed: list[FileFix] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(path, why) for files left untouched."""
    passes: int = 0
    converged: bool = True
    """False when fixes still changed something after `MAX_PASSES` passes."""
    removed: list[Path] = field(default_factory=list)
    """Temporary files of an interrupted earlier run, removed."""

    @property
    def fixed(self) -> int:
        return sum(sum(f.codes.values()) for f in self.changed)


def _read_original(vault: Vault, note: Note) -> bytes:
    """The file's bytes, checked against what was linted; ValueError when it changed in between."""
    data = read_note_bytes(vault.file(note.path))
    decoded = decode(data)
    if (decoded.text, decoded.encoding, decoded.bom) != (note.text, note.encoding, note.bom):
        raise ValueError("changed on disk since it was read; lint again")
    return data


def plan_fixes(
    vault: Vault, config: Config, rules: Iterable[Rule], paths: set[str] | None = None, unsafe: bool = False
) -> FixResult:
    """Compute every fix in memory, re-linting edited notes until stable. Writes nothing."""
    from vaultgraph.parse.note import parse_note  # the parser is loaded only when a fix is made
    from vaultgraph.vault.flavors import apply_flavor, detect_flavor

    rules = list(rules)
    dialect = detect_flavor(vault.root, config.flavor)
    work = replace(vault, notes=dict(vault.notes))
    result = FixResult(vault=work)
    originals: dict[str, bytes] = {}
    codes: dict[str, Counter[str]] = {}
    targets, refused = paths, set()
    for passes in range(1, MAX_PASSES + 1):
        result.passes = passes
        by_path: dict[str, list[Diagnostic]] = {}
        for d in lint_vault(work, config, rules, targets):
            if d.path not in refused and (d.edits or d.code == REENCODE_CODE) and (unsafe or not d.unsafe_fix):
                by_path.setdefault(d.path, []).append(d)
        edited: set[str] = set()
        for path, diagnostics in by_path.items():
            note = work.notes[path]
            if not note.readable:
                continue
            spans, fixed = _choose(note.text, [d for d in diagnostics if d.edits])
            reencode = [d for d in diagnostics if d.code == REENCODE_CODE]
            # Only VG002's unsafe fix changes the encoding: to UTF-8 without a BOM, as Obsidian writes.
            encoding, bom = ("utf-8", False) if reencode else (note.encoding, note.bom)
            new_text = _splice(note.text, spans)
            if new_text == note.text and encoding == note.encoding:
                continue
            try:
                original = originals.get(path) or _read_original(vault, vault.notes[path])
                data = encode_note(new_text, encoding, bom, original)
                fixed_note = parse_note(path, data)
                apply_flavor(fixed_note, dialect, with_terms=False)  # read as the vault was
                if not fixed_note.readable:
                    raise ValueError("the fixed file would not read back as text; not fixed")
            except (OSError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
                # All or nothing per file: forget earlier passes' changes to it as well.
                refused.add(path)
                result.refused.append((path, getattr(exc, "strerror", None) or str(exc)))
                work.notes[path] = vault.notes[path]
                originals.pop(path, None)
                codes.pop(path, None)
                continue
            originals[path] = original
            work.notes[path] = fixed_note
            codes.setdefault(path, Counter()).update(d.code for d in fixed + reencode)
            edited.add(path)
        if not edited:
            break
        targets = edited
    else:
        result.converged = False
    for path in sorted(originals):
        before, after = vault.notes[path], work.notes[path]
        result.changed.append(
            FileFix(
                path,
                originals[path],
                encode_note(after.text, after.encoding, after.bom, originals[path]),
                before.text,
                after.text,
                before.encoding,
                after.encoding,
                codes[path],
            )
        )
    return result


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def write_fixes(root: Path, result: FixResult, original: Vault) -> FixResult:
    """Write the planned changes; a refused file goes back to its on-disk state in `result.vault`."""
    real_root = root.resolve()
    written = []
    for fix in result.changed:
        target = original.file(fix.path)
        try:
            real = target.resolve(strict=True)
            if not _inside(real, real_root):
                raise ValueError("its real path leaves the vault (symlink); not written")
            if read_note_bytes(real) != fix.original:
                raise ValueError("changed on disk since it was read; not written")
            with replacing(real, fsync=True) as out:
                out.write(fix.fixed)
        except (OSError, ValueError) as exc:
            result.refused.append((fix.path, getattr(exc, "strerror", None) or str(exc)))
            result.vault.notes[fix.path] = original.notes[fix.path]
            continue
        written.append(fix)
    result.changed = written
    return result


def fix_vault(
    vault: Vault,
    config: Config,
    rules: Iterable[Rule],
    paths: set[str] | None = None,
    unsafe: bool = False,
    leftovers: Iterable[Path] = (),
) -> FixResult:
    """Plan every fix, then write it: what changed, what was refused and why, and the fixed vault.

    `leftovers` are temporary files an interrupted run may have left (`Snapshot.leftovers`).
    """
    result = write_fixes(vault.root, plan_fixes(vault, config, rules, paths, unsafe), vault)
    result.removed = remove_leftovers(leftovers)
    return result


_KEEP_ENDS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def unified_diff(fix: FileFix) -> str:
    """What `--fix` would change in one file, as a unified diff (`a/PATH`, `b/PATH`)."""
    old, new = _KEEP_ENDS.findall(fix.old_text), _KEEP_ENDS.findall(fix.new_text)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{fix.path}", f"b/{fix.path}"):
        lines.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    if fix.old_encoding != fix.new_encoding:
        if not lines:
            lines = [f"--- a/{fix.path}\n", f"+++ b/{fix.path}\n"]
        lines.insert(2, f"# encoding: {fix.old_encoding} -> {fix.new_encoding}\n")
    return "".join(lines)
