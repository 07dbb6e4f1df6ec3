"""Suppression comments, in HTML (`<!-- … -->`) or Obsidian (`%% … %%`) comments, and in front matter.

    <!-- vaultgraph-disable VG101 -->  …  <!-- vaultgraph-enable -->
    <!-- vaultgraph-disable-next-line VG301 -->
    <!-- vaultgraph-disable-line VG303 -->     (on the line with the problem)
    <!-- vaultgraph-disable-file -->           (optionally with codes)
    front matter:  vaultgraph-disable: [VG205]

Codes may be codes, prefixes (`VG3`) or rule names; no codes means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vaultgraph.lint.rule import expand_selectors
from vaultgraph.model import Note
from vaultgraph.parse.frontmatter import string_list

_DIRECTIVE = re.compile(r"vaultgraph-(disable-next-line|disable-line|disable-file|disable|enable)\b([^\n]*)")
_END = 10**9


@dataclass(slots=True)
class Directive:
    kind: str
    line: int
    codes: frozenset[str] | None
    """None: every rule."""
    first: int
    last: int
    used: bool = False


@dataclass(slots=True)
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, code: str, line: int) -> bool:
        hit = False
        for directive in self.directives:
            if directive.first <= line <= directive.last and (directive.codes is None or code in directive.codes):
                directive.used = hit = True
        return hit


def _codes(text: str) -> frozenset[str] | None:
    words = [w for w in re.split(r"[\s,]+", text.replace("-->", " ").replace("%%", " ")) if w]
    if not words:
        return None
    return frozenset(rule.code for rule in expand_selectors(words))


def suppressions(note: Note) -> Suppressions:
    result = Suppressions()
    front = note.front_matter.get("vaultgraph-disable")
    if front is True or (isinstance(front, str) and front.strip().lower() == "all"):
        result.directives.append(Directive("front-matter", 1, None, 1, _END))
    elif front:
        result.directives.append(Directive("front-matter", 1, _codes(" ".join(string_list(front))), 1, _END))
    open_ranges: list[Directive] = []
    for comment in sorted(note.comments, key=lambda c: c.line):
        for match in _DIRECTIVE.finditer(comment.text):
            kind, codes = match.group(1), _codes(match.group(2))
            if kind == "disable-next-line":
                result.directives.append(
                    Directive(kind, comment.line, codes, comment.end_line + 1, comment.end_line + 1)
                )
            elif kind == "disable-line":
                result.directives.append(Directive(kind, comment.line, codes, comment.line, comment.end_line))
            elif kind == "disable-file":
                result.directives.append(Directive(kind, comment.line, codes, 1, _END))
            elif kind == "disable":
                directive = Directive(kind, comment.line, codes, comment.line, _END)
                result.directives.append(directive)
                open_ranges.append(directive)
            else:  # enable: close the ranges it names (all of them without codes)
                for directive in list(open_ranges):
                    if codes is None or (directive.codes is not None and directive.codes <= codes):
                        directive.last = comment.line
                        open_ranges.remove(directive)
    return result
