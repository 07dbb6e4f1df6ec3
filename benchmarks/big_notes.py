"""Big notes: `vaultgraph lint` of a vault holding one huge note, at three sizes, to see time and memory grow linearly.

    python benchmarks/big_notes.py --work /tmp/vg-bench           # every case
    python benchmarks/big_notes.py --work /tmp/vg-bench --case prose

Cases, each at 1/4, 1/2 and the full size:
- `prose`: generated retrospectives (`../shared/bench/make_vault.py`, 2k notes) run together into one
  note of 50 MB: Korean prose, lists, links, embeds, tags, code and math;
- `wikilinks`: one line of 400k wikilinks (about 5 MB);
- `deep-list`: a list nested 10k levels deep, each level indented two more spaces (100 MB).

Each run is `vaultgraph lint VAULT --no-cache --statistics` as a child process: wall and CPU
seconds, and peak RSS from GNU time. The last column divides each run's CPU time by the previous
size's: about 2 is linear.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _prose(work: Path, shared: Path) -> Callable[[float], str]:
    source = work / "v2000"
    if not source.is_dir():
        make_vault = shared / "bench" / "make_vault.py"
        subprocess.run(
            [sys.executable, str(make_vault), "--notes", "2000", "--out", str(source)], check=True, capture_output=True
        )
    bodies = []
    for path in sorted(source.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and (end := text.find("\n---\n", 4)) != -1:
            text = text[end + 5 :]
        bodies.append(text)
    sample = "".join(bodies)

    return lambda share: _repeat(sample, int(50_000_000 * share))


def _repeat(sample: str, size: int) -> str:
    """`sample` repeated to about `size` bytes of UTF-8, cut at a line end."""
    unit = len(sample.encode("utf-8"))
    text = sample * max(1, size // unit) + sample[: int(len(sample) * (size % unit) / unit)]
    return text[: text.rfind("\n") + 1]


CASES: dict[str, Callable[[Path, Path], Callable[[float], str]]] = {
    "prose": _prose,
    "wikilinks": lambda _work, _shared: lambda share: " ".join(f"[[n{i}]]" for i in range(int(400_000 * share))) + "\n",
    "deep-list": lambda _work, _shared: (
        lambda share: "".join("  " * i + "- item\n" for i in range(int(10_000 * share)))
    ),
}


def measure(vault: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS MB) of linting `vault` in a child process, through GNU time (a child
    forked from this process would count this process's memory, the note's text included)."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        child = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, sys.executable, "-m", "vaultgraph", "lint", str(vault)]
            + ["--no-cache", "--statistics"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(child.pid, 0)
        peak_kb = int(report.read().split()[-1])
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, int(peak_kb / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/vg-bench"))
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared", help="the folder with bench/make_vault.py"
    )
    args = parser.parse_args()
    print("| note | size | wall | CPU | peak RSS | CPU ÷ previous size |")
    print("|---|---|---|---|---|---|")
    for name in args.case or list(CASES):
        make = CASES[name](args.work, args.shared)
        previous = None
        for share in (0.25, 0.5, 1.0):
            vault = args.work / f"big-{name}"
            vault.mkdir(parents=True, exist_ok=True)
            note = vault / "big.md"
            note.write_text(make(share), encoding="utf-8")
            wall, cpu, rss = measure(vault)
            growth = f"{cpu / previous:.2f}" if previous else ""
            size = note.stat().st_size / 1e6
            print(f"| {name} | {size:.1f} MB | {wall:.2f} s | {cpu:.2f} s | {rss} MB | {growth} |", flush=True)
            previous = cpu
            note.unlink()


if __name__ == "__main__":
    main()
