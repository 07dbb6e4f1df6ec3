"""Two notes claim to be the same week's weekly note of a series (reported on every one after the first, by path).

Day notes and side posts are part of their week, not claims on it (`series.assign`): a claim is a
note that states its week itself (front matter `week`, title, file name, permalink or first
heading) and is not a day note. When some of a week's claims present themselves as retrospectives
(`회고`, `학습정리`, `weekly`, `retro`… in the title, tags or categories), only those count: a
`3주차 마스터클래스 후기` beside the `3주차 회고` is that week's side post.

Why: vaultgraph files each concept under the week of the note it appears in; two weekly notes for
one week usually mean a copied note whose week number was not updated (`4주차` twice, no `5주차`),
or a supplement that should say `series: boostcamp-extra` or drop its own week number.

Fails: `retros/boostcamp 4주차 회고.md` and `retros/boostcamp 4주차 보충 회고.md`, both week 4 of `boostcamp`.
Passes: `retros/boostcamp 4주차 회고.md` and `retros/boostcamp 5주차 회고.md`; also
`retros/boostcamp 4주차 회고.md` with `retros/boostcamp 4주차 멘토링 Q&A.md` (a side post of week 4).
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._series import weekly_notes
from vaultgraph.model import Vault

CODE = "VG502"
NAME = "duplicate-week"
SEVERITY = "warning"


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    for series, weeks in sorted(weekly_notes(vault).items()):
        for week, notes in sorted(weeks.items()):
            for note in notes[1:]:
                yield Finding(
                    1, 1, f"week {week} of series `{series}` is also claimed by `{notes[0].path}`", path=note.path
                )
