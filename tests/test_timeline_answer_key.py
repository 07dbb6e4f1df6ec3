"""On a generated vault, every retrospective sits in the series and week the answer key gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vaultgraph.series.timeline import build_timeline
from vaultgraph.vault.load import load_vault

MAKE_VAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_vault.py"


def test_timeline_weeks_equal_the_answer_key(tmp_path):
    out = tmp_path / "v400"
    subprocess.run(
        [sys.executable, str(MAKE_VAULT), "--notes", "400", "--out", str(out)], check=True, capture_output=True
    )
    expected = json.loads((tmp_path / "v400.answers.json").read_text(encoding="utf-8"))["weeks"]
    timeline = build_timeline(load_vault(out).notes.values())
    placed = {
        path: {"series": series.name, "week": week.ref.index}
        for series in timeline.series
        if not series.calendar
        for week in series.weeks
        for path in week.notes
    }
    assert len(expected) > 100
    assert placed == expected  # every retrospective, and nothing else on a numbered series
    calendar = [s for s in timeline.series if s.calendar]
    assert all(path.startswith("daily/") for s in calendar for w in s.weeks for path in w.notes)
