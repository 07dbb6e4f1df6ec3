"""On the generated vault, every retrospective sits in the series and week the answer key gives.

The key's four series mark their week four ways (a Jekyll title with a cohort, `4기 3주차`; an Obsidian
file name, `3주차 회고.md`; front matter `series`/`week`; an English `week 3` title in a CRLF note), and
daily notes are known by their date alone.
"""

from __future__ import annotations

from pathlib import Path

from vaultgen import AnswerKey

from vaultgraph.series.timeline import build_timeline
from vaultgraph.vault.load import load_vault


def test_timeline_weeks_equal_the_answer_key(generated: tuple[Path, AnswerKey]) -> None:
    root, key = generated
    timeline = build_timeline(load_vault(root).notes.values())
    placed = {
        path: (series.name, week.ref.index)
        for series in timeline.series
        if not series.calendar
        for week in series.weeks
        for path in week.notes
    }
    assert len(key.weeks) > 100
    assert len({series for series, _ in key.weeks.values()}) == 4
    assert placed == key.weeks  # every retrospective, and nothing else on a numbered series
    dated = sorted(
        path for series in timeline.series if series.calendar for week in series.weeks for path in week.notes
    )
    assert dated == key.dated
