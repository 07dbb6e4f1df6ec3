"""A numbered weekly series skips a week: there are notes for weeks 5 and 7 but none for 6.

Reported on the (first, by path) note of the week after the gap, naming the missing weeks. Weeks
are the ones the timeline shows: what notes state (front matter `week`/`series`, `N주차`, `week N`
in the title, file name or permalink), with day notes and side posts placed in the week of their
series by their dates (`series.assign`), so a week with only day notes is not missing. Week 0 (an
onboarding week) counts like any other.

Why: the retrospective for that week was never written, was saved elsewhere, or has a typo in its
week number, and the concept timeline shows a hole there.

Fails: `retros/boostcamp 5주차 회고.md`, `retros/boostcamp 7주차 회고.md` (week 6 is missing).
Passes: `retros/boostcamp 5주차 회고.md`, `retros/boostcamp 6주차 회고.md`, `retros/boostcamp 7주차 회고.md`.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._series import series_weeks
from vaultgraph.model import Vault

CODE = "VG501"
NAME = "missing-week"
SEVERITY = "warning"


def _weeks_text(first: int, last: int) -> str:
    if first == last:
        return f"week {first} is"
    if last - first == 1:
        return f"weeks {first} and {last} are"
    return f"weeks {first}-{last} are"


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    for series, weeks in sorted(series_weeks(vault).items()):
        numbers = sorted(weeks)
        for before, after in pairwise(numbers):
            if after > before + 1:
                yield Finding(
                    1,
                    1,
                    f"{_weeks_text(before + 1, after - 1)} missing from series `{series}` "
                    f"(between week {before} and week {after})",
                    path=weeks[after][0].path,
                )
