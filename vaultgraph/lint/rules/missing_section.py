"""A retrospective lacks a section its template requires (off by default).

A section is a heading of any level whose text matches a name in `sections`, ignoring case,
spacing and `# | ^ : [ ]` as Obsidian's heading links do (`## Learned:` is `learned`).

Why: a weekly retrospective template only pays off when every week fills it in; a missing
`feeling` section is the week nobody reflected on, and the report for that week comes out empty.

Options:
- `paths`: globs of the notes to check (default `[]`: every note that states its week number in a
  series and is not a day note, i.e. the retrospectives, so concept notes, day notes and the side
  posts placed in a week by their date are never checked);
- `sections`: the required section names (default `["learned", "feeling"]`).

    [rules.missing-section]
    paths = ["_posts/*.md", "retros/*.md"]
    sections = ["learned", "feeling"]

    # a KPT retrospective instead
    [rules.missing-section]
    sections = ["keep", "problem", "try"]

Fails (with the default sections):
    # boostcamp 9주차 회고
    ## learned
    - torch.gather, scatter
Passes:
    # boostcamp 9주차 회고
    ## Learned
    - torch.gather, scatter
    ## feeling
    - 피어세션이 많이 도움이 됐다
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from typing import Any

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._options import string_list
from vaultgraph.model import Note
from vaultgraph.vault.resolve import heading_key

CODE = "VG503"
NAME = "missing-section"
SEVERITY = "warning"
SCOPE = "note"
ENABLED = False
OPTIONS: dict[str, Any] = {"paths": [], "sections": ["learned", "feeling"]}


def validate_options(options: dict[str, Any], where: str) -> dict[str, Any]:
    if "paths" in options and options["paths"]:
        string_list(options["paths"], f"{where}.paths")
    if "sections" in options:
        string_list(options["sections"], f"{where}.sections")
    return options


def _checked(note: Note, paths: list[str]) -> bool:
    if paths:
        return any(fnmatch.fnmatchcase(note.path, glob) for glob in paths)
    return note.week is not None and note.week.stated and note.week.day is None


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    if not _checked(note, ctx.options["paths"]):
        return
    present = {heading_key(h.text) for h in note.headings}
    missing = [name for name in ctx.options["sections"] if heading_key(name) not in present]
    if missing:
        names = ", ".join(f"`{name}`" for name in missing)
        yield Finding(1, 1, f"missing retrospective {'section' if len(missing) == 1 else 'sections'} {names}")
