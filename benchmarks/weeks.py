"""Week assignment against the labelled vaults: is every note in the week its author meant?

`benchmarks/vaults/NAME.labels.toml` gives, under `[notes]`, each note's week: `"SERIES/N"`, `""`
for none (a note on the calendar by its date alone counts as none; so does a note left out), or `{week = "SERIES/N", day = D}`
for a day note (`day = 0`: a daily note named by its date). A note is right when its week key is
the label's and, for day notes, its day number too; a series' name may differ from the label's
(`series_names`), its week numbers may not. Besides accuracy per vault, it checks what
issue 17 asks of real blogs: the calendar axis no wider than the notes, the text timeline within
100 columns.

    python benchmarks/weeks.py                 # every labelled vault
    python benchmarks/weeks.py cvnlp-jekyll -v # one vault, listing every note
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import load_config
from vaultgraph.model import Note
from vaultgraph.render.timeline_text import format_timeline_text
from vaultgraph.series.settings import weeks_settings
from vaultgraph.series.timeline import build_timeline
from vaultgraph.vault.load import load_vault

VAULTS = Path(__file__).resolve().parent / "vaults"
_ISO_WEEK = re.compile(r"[0-9]{4}-W[0-9]{2}")


def expected(label: object) -> tuple[str, int | None]:
    if isinstance(label, dict):
        return str(label["week"]), int(label["day"])
    return str(label), None


def actual(note: Note, want: tuple[str, int | None]) -> tuple[str, int | None]:
    """The note's (week key, day) in the label's terms: a label that is a calendar week (`2025-W37`,
    a vault of weekly notes named by ISO week) is compared with the note's ISO week, day aside."""
    info = note.week
    if _ISO_WEEK.fullmatch(want[0]):
        return (info.key if info is not None else ""), want[1]
    if info is None or info.week is None:
        return "", info.day if info is not None else None
    return info.key, info.day


def series_names(wants: dict[str, tuple[str, int | None]], gots: dict[str, tuple[str, int | None]]) -> dict[str, str]:
    """Label week key -> vaultgraph's, where only the series' name differs (`zerobase/3` is `제로베이스/3`): a
    series is named by what its notes say, a label by its writer. Each labelled series takes the name
    most of its notes get from vaultgraph; the week numbers are still compared."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for path, (week, _) in wants.items():
        got = gots[path][0]
        if "/" in week and "/" in got and week.rsplit("/", 1)[1] == got.rsplit("/", 1)[1]:
            votes[week.rsplit("/", 1)[0]][got.rsplit("/", 1)[0]] += 1
    rename = {label: found.most_common(1)[0][0] for label, found in votes.items()}
    return {
        week: f"{rename[week.rsplit('/', 1)[0]]}/{week.rsplit('/', 1)[1]}"
        for week, _ in wants.values()
        if "/" in week and week.rsplit("/", 1)[0] in rename
    }


def check(name: str, verbose: bool) -> tuple[int, int, list[str]]:
    root = VAULTS / name
    labels = tomllib.loads((VAULTS / f"{name}.labels.toml").read_text(encoding="utf-8"))["notes"]
    config = load_config(root)
    vault = load_vault(root, config.exclude, daily=weeks_settings(config.sections)["daily"])
    # A note the labels leave out belongs to no week of a series (a side post).
    wants = {path: expected(labels.get(path, "")) for path in sorted(vault.notes)}
    gots = {path: actual(vault.notes[path], want) for path, want in wants.items()}
    names = series_names(wants, gots)
    wrong = []
    for path, want in wants.items():
        got = gots[path]
        ok = names.get(want[0], want[0]) == got[0] and (want[1] is None or want[1] == got[1])  # a day where labelled
        if not ok:
            wrong.append(f"  {path}: expected {want}, got {got}")
        if verbose:
            print(f"  {'ok ' if ok else 'BAD'} {path}: {got}")
    labels = wants
    timeline = build_timeline(vault.notes.values(), build_concepts(vault, config))
    text = format_timeline_text(timeline)
    widest = max(len(line) for line in text.splitlines())
    columns = sum(len(series.weeks) for series in timeline.series)
    print(
        f"{name}: {len(labels) - len(wrong)}/{len(labels)} notes in the labelled week; "
        f"timeline text {widest} columns wide; {columns} week columns "
        f"({', '.join(f'{s.name} {len(s.weeks)}' for s in timeline.series)})"
    )
    return len(labels) - len(wrong), len(labels), wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vaults", nargs="*", help="names under benchmarks/vaults (default: all labelled ones)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    names = args.vaults or sorted(p.name.removesuffix(".labels.toml") for p in VAULTS.glob("*.labels.toml"))
    right = total = 0
    for name in names:
        good, count, wrong = check(name, args.verbose)
        right, total = right + good, total + count
        print("\n".join(wrong))
    print(f"all: {right}/{total} ({right / total:.1%})")
    return 0 if right == total else 1


if __name__ == "__main__":
    sys.exit(main())
