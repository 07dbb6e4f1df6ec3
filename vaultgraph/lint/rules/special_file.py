"""A `.md` path that is not a regular file (a named pipe, socket or device) was skipped, never read.

Why: reading a named pipe waits for a writer that never comes, and a device can be endless, so
vaultgraph does not open them; Obsidian does not show them either. In a vault they are leftovers
(a `mkfifo` in the wrong folder) or a trap in a checkout nobody vetted: remove or rename them.

Fails: `notes/inbox.md` made with `mkfifo notes/inbox.md`.
Passes: `notes/inbox.md` as an ordinary file (a symlink to one inside the vault too).
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._problems import problems
from vaultgraph.model import Note

CODE = "VG003"
NAME = "special-file"
SEVERITY = "info"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    return problems(note, CODE)
