"""The one kind of error a user can fix: `VaultgraphError` (bad option, config, week, path, baseline, output).

The command line prints its message as one line, `vaultgraph: error: MESSAGE`, and exits 2; the
library raises it. Every such error in vaultgraph derives from it, so callers catch one class.
"""

from __future__ import annotations


class VaultgraphError(Exception):
    """A problem with what the user asked for; the message is one line that says what and where."""


class UsageError(VaultgraphError):
    """An option value or combination that cannot work (`--fix` with `--diff`, an unknown rule code)."""
