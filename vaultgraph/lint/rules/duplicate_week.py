"""Two notes claim the same week of the same series (reported on every note after the first, by path).

Why: vaultgraph files each concept under the week of the note it appears in; two notes for one
week usually mean a copied note whose week number was not updated (`4주차` twice, no `5주차`), or
a supplement that should say `series: boostcamp-extra` or link to the week's note instead.

Fails: `retros/boostcamp 4주차 회고.md` and `retros/boostcamp 4주차 보충.md`, both week 4 of `boostcamp`.
Passes: `retros/boostcamp 4주차 회고.md` and `retros/boostcamp 5주차 회고.md`.
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._series import series_weeks
from vaultgraph.model import Vault

CODE = "VG502"
NAME = "duplicate-week"
SEVERITY = "warning"


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    for series, weeks in sorted(series_weeks(vault).items()):
        for week, notes in sorted(weeks.items()):
            for note in notes[1:]:
                yield Finding(
                    1, 1, f"week {week} of series `{series}` is also claimed by `{notes[0].path}`", path=note.path
                )
