"""Prose names another note (its title or an alias) without linking to it (off by default).

Matching ignores case and needs whole words, except that a Korean particle may be glued on:
`LSTM이`, `pytorch의` and `트랜스포머는` mention `LSTM`, `PyTorch` and `트랜스포머`; `LSTMs` and
`트랜스포머블록` do not. Only plain prose counts (not headings, code, link text or comments).
A note that links to the other note anywhere is not reported again, and each other note is
reported once per note, at its first mention. Names shorter than two characters are ignored.

Why: Obsidian's "unlinked mentions"; linking them is what builds the graph between weekly notes
and concept notes.

Fails (with a note `concepts/LSTM.md`):
    - sequence가 길어지면 LSTM이 transformer보다 불리하다
Passes:
    - sequence가 길어지면 [[LSTM]]이 transformer보다 불리하다
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_line
from vaultgraph.model import Note, Segment, Vault

CODE = "VG403"
NAME = "unlinked-mention"
SEVERITY = "info"
ENABLED = False

_PROSE = frozenset({"text", "strong", "emphasis", "mark"})
# Korean particles (josa) and copula endings that attach directly to a noun.
PARTICLES = frozenset(
    """
이 가 은 는 을 를 의 에 와 과 도 만 로 랑 나 란 야 께 인 이다 이고 이며 이나 이랑 이란 에서 에게 에는 에도
으로 으로는 으로도 로는 로도 까지 부터 보다 처럼 만큼 같이 하고 에서는 에서도 과는 와는 이라는 라는 이라고 라고
""".split()
)

_Names = dict[str, list[tuple[str, str]]]
"""First two letters (lower case) -> (lower-case name, note path), longest names first."""


def _names(vault: Vault) -> _Names:
    table: _Names = defaultdict(list)
    for path, note in vault.notes.items():
        if not note.readable:
            continue
        for name in dict.fromkeys(n.strip() for n in (note.title, *note.aliases)):
            if len(name) >= 2 and len(name.lower()) == len(name):
                table[name.lower()[:2]].append((name.lower(), path))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u3131" <= char <= "\u318e"


def _ends_word(text: str, end: int, name: str) -> bool:
    if end == len(text):
        return True
    after = text[end]
    if _is_hangul(after):
        if not _is_hangul(name[-1]):
            return True  # a particle glued to an English term: `LSTM이`
        run = end
        while run < len(text) and _is_hangul(text[run]):
            run += 1
        return text[end:run] in PARTICLES
    return not (after.isalnum() or after == "_")


def _mentions(segment: Segment, names: _Names) -> Iterator[tuple[int, str, str]]:
    """(offset, name, path) of every name mentioned in the segment."""
    text = segment.text
    lower = text.lower()
    if len(lower) != len(text):
        return
    for start in range(len(text) - 1):
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        for name, path in names.get(lower[start : start + 2], ()):
            if lower.startswith(name, start) and _ends_word(text, start + len(name), name):
                yield start, text[start : start + len(name)], path
                break


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    names = _names(vault)
    for path, note in vault.notes.items():
        if not note.readable:
            continue
        seen = {vault.resolve(link, note).path for link in note.links if not link.is_empty}
        seen.add(path)
        yield from _note_mentions(note, names, seen)


def _note_mentions(note: Note, names: _Names, seen: set[str | None]) -> Iterator[Finding]:
    for segment in note.segments:
        if segment.kind not in _PROSE:
            continue
        for offset, shown, target in _mentions(segment, names):
            if target in seen:
                continue
            seen.add(target)
            start = raw_line(note, segment.line).find(segment.text)
            column = start + offset + 1 if start >= 0 else 1
            yield Finding(
                segment.line,
                column,
                f"`{shown}` mentions `{target}` without linking it",
                segment.line,
                column + len(shown),
                path=note.path,
            )
