"""Shared by the rules that report what reading and parsing found (VG001, VG002, VG201)."""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding
from vaultgraph.model import Note


def problems(note: Note, code: str) -> Iterator[Finding]:
    for problem in note.problems:
        if problem.code == code:
            yield Finding(problem.line, problem.column, problem.message, problem.end_line, problem.end_column)
