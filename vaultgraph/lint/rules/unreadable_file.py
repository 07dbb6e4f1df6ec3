"""The file could not be read as text: an I/O error, NUL bytes, or bytes no known encoding fits.

Why: a note nobody can open is lost to every tool, and every other rule silently skips it.

Fails: a `.md` file that is really a PNG, or holds `\x00` bytes.
Passes: any UTF-8 (or CP949, see VG002) text file.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._problems import problems
from vaultgraph.model import Note

CODE = "VG001"
NAME = "unreadable-file"
SEVERITY = "error"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    return problems(note, CODE)
