"""Benchmark vaultgraph against the tools a user would otherwise pick, on the same vaults, in one run.

    python benchmarks/run.py                      # 2k and 10k notes, every peer, start-up, a 50 MB note
    python benchmarks/run.py --big                # also 50k notes (vaultgraph only; peers take minutes)
    python benchmarks/run.py --skip pymarkdown    # PyMarkdown needs many minutes on 10k notes
    python benchmarks/run.py --shared /work/shared   # where bench/ is, when not next to the checkout

Vaults come from `../shared/bench/make_vault.py`; peers are run by `../shared/bench/peers.sh`
(obsidiantools, PyMarkdown, markdownlint-cli2, rumdl, installed once under /tmp/vg-peers). Each run
is timed as a child process (wall time, and peak RSS of the largest process from `wait4`). rumdl,
the fastest peer, is timed in pairs with vaultgraph's cold lint (`--rounds`, alternating, medians
and the median of the pair ratios), since on a shared machine only a paired ratio means much.
vaultgraph's bytecode is compiled first, as `pip install` does (the machine may set
PYTHONDONTWRITEBYTECODE). Writes `benchmarks/results.md` and the "## Performance" section of README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
"""The folder with `bench/make_vault.py` and `bench/peers.sh` (`--shared`)."""
RUMDL = Path("/tmp/vg-peers/venv/bin/rumdl")
VAULTGRAPH = [sys.executable, "-m", "vaultgraph"]
KEY_CODES = {
    "VG101": "broken_links",
    "VG102": "broken_embeds",
    "VG103": "broken_headings",
    "VG301": "empty_list_items",
    "VG201": "bad_front_matter",
}
PEERS = ("rumdl", "markdownlint", "pymarkdown", "obsidiantools")


@dataclass
class Timing:
    wall: float
    rss_mb: int
    exit: int

    def cell(self) -> str:
        return f"{self.wall:.2f} s / {self.rss_mb} MB"


GNU_TIME = Path("/usr/bin/time")


def timed(command: list[str], stdout: Path | None = None) -> Timing:
    """Run `command`; wall seconds and the peak RSS (MB) of its largest process, as GNU time reports.

    Through GNU time where there is one: a child's peak RSS counts the memory of the process that
    forked it until its exec, so this script's own 70 MB would show as the peak of `--version`.
    """
    with open(stdout or os.devnull, "wb") as out, tempfile.NamedTemporaryFile("r") as report:
        gnu = GNU_TIME.exists()
        start = time.perf_counter()
        wrapped = [str(GNU_TIME), "-f", "%M", "-o", report.name, *command] if gnu else command
        child = subprocess.Popen(wrapped, stdout=out, stderr=subprocess.DEVNULL, cwd=REPO)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        peak_kb = int(report.read().split()[-1]) if gnu else usage.ru_maxrss
    child.returncode = os.waitstatus_to_exitcode(status)
    return Timing(wall, int(peak_kb / 1024), child.returncode)


def make_vault(work: Path, notes: int, shared: Path = SHARED) -> Path:
    vault = work / f"v{notes}"
    if not (vault.is_dir() and vault.with_suffix(".answers.json").is_file()):
        subprocess.run(
            [sys.executable, str(shared / "bench" / "make_vault.py"), "--notes", str(notes), "--out", str(vault)],
            check=True,
            capture_output=True,
        )
    shutil.rmtree(vault / ".vaultgraph-cache", ignore_errors=True)
    return vault


def answer_key_exact(report: Path, vault: Path) -> bool:
    """The lint issue's answer-key check: exactly the planted problems, by (file, line)."""
    found: dict[str, set] = {}
    for d in json.loads(report.read_text(encoding="utf-8"))["diagnostics"]:
        found.setdefault(d["code"], set()).add((d["path"], d["line"]))
    key = json.loads(vault.with_suffix(".answers.json").read_text(encoding="utf-8"))
    for code, entry in KEY_CODES.items():
        expected = {(row["file"], row["line"]) for row in key[entry]}
        got = found.get(code, set())
        if code == "VG201":  # the key names the file; the line is where YAML broke
            expected, got = {f for f, _ in expected}, {f for f, _ in got}
        if expected != got:
            return False
    return True


def run_vaultgraph(vault: Path, work: Path, rounds: int, rumdl: bool) -> dict[str, object]:
    """vaultgraph's runs on `vault`; with `rumdl`, its cold lint timed in `rounds` pairs with rumdl's."""
    lint = [*VAULTGRAPH, "lint", str(vault), "--format", "json"]
    report = work / f"{vault.name}.lint.json"
    colds, rumdls = [], []
    for _ in range(rounds if rumdl else 1):
        colds.append(timed([*lint, "--no-cache"], report))
        if rumdl:
            rumdls.append(timed([str(RUMDL), "check", str(vault), "--no-cache", "--output-format", "json"]))
    cold = _median(colds)
    exact = answer_key_exact(report, vault)
    timed(lint)  # fills the cache
    warm = timed(lint)
    notes = sorted(vault.rglob("*.md"))
    victim = notes[len(notes) // 2]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + b"\n- one more line\n")
        changed = timed(lint)
    finally:
        victim.write_bytes(original)
    shutil.rmtree(vault / ".vaultgraph-cache", ignore_errors=True)  # graph from scratch, like obsidiantools
    graph = timed([*VAULTGRAPH, "graph", str(vault), "--format", "json", "-o", str(work / f"{vault.name}.graph.json")])
    shutil.rmtree(vault / ".vaultgraph-cache", ignore_errors=True)
    paired = None
    if rumdls:
        ratios = [r.wall / c.wall for c, r in zip(colds, rumdls, strict=True)]
        paired = (_median(rumdls), statistics.median(ratios), len(ratios))
    return {"cold": cold, "warm": warm, "changed": changed, "graph": graph, "exact": exact, "rumdl": paired}


def _median(timings: list[Timing]) -> Timing:
    """The run of median wall time (its memory with it)."""
    return sorted(timings, key=lambda t: t.wall)[len(timings) // 2]


def run_startup(work: Path, rounds: int) -> dict[str, Timing]:
    """`--version`, and `lint` of a one-note vault from its cache and without it: medians of `rounds`."""
    vault = work / "one-note"
    vault.mkdir(parents=True, exist_ok=True)
    note = vault / "2주차 회고.md"
    note.write_text(
        "---\ntitle: 2주차 회고\ntags: [회고]\n---\n# 2주차 회고\n\n- [[LSTM]] 공부 #ml\n", encoding="utf-8"
    )
    os.utime(note, (time.time() - 60, time.time() - 60))  # older than the snapshot's racy window
    commands = {
        "--version": [*VAULTGRAPH, "--version"],
        "lint one note (cache)": [*VAULTGRAPH, "lint", str(vault)],
        "lint one note (--no-cache)": [*VAULTGRAPH, "lint", str(vault), "--no-cache"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    timed(commands["lint one note (cache)"])  # fills the cache
    return {name: _median([timed(command) for _ in range(rounds)]) for name, command in commands.items()}


def run_big_note(work: Path, shared: Path) -> Timing:
    """`lint --no-cache` of a vault of one 50 MB note (`benchmarks/big_notes.py`'s prose case)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import big_notes

    vault = work / "big-prose"
    vault.mkdir(parents=True, exist_ok=True)
    (vault / "big.md").write_text(big_notes.CASES["prose"](work, shared)(1.0), encoding="utf-8")
    try:
        return timed([*VAULTGRAPH, "lint", str(vault), "--no-cache", "--statistics"])
    finally:
        (vault / "big.md").unlink()


def run_peers(vault: Path, tools: list[str], shared: Path = SHARED) -> dict[str, Timing]:
    if not tools:
        return {}
    out = subprocess.run(
        ["bash", str(shared / "bench" / "peers.sh"), str(vault), *tools], capture_output=True, text=True, check=False
    ).stdout
    found = {}
    for m in re.finditer(r"^(\w+) wall_s=([\d.]+) max_rss_mb=(\d+) exit=(\d+)", out, re.MULTILINE):
        found[m[1]] = Timing(float(m[2]), int(m[3]), int(m[4]))
    return found


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or cpu
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}; "
        f"load average at start {load}"
    )


def size_label(notes: int) -> str:
    return f"{notes // 1000}k" if notes % 1000 == 0 else str(notes)


def table(results: dict[int, dict], peers: dict[int, dict[str, Timing]]) -> list[str]:
    rows = [
        "| vault | vaultgraph lint cold | warm (unchanged) | one note changed | vaultgraph graph json "
        "| rumdl (paired) | markdownlint-cli2 | PyMarkdown | obsidiantools | answer key |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for notes, r in results.items():
        cold, peer = r["cold"], peers.get(notes, {})

        def pct(t: Timing, cold: Timing = cold) -> str:
            return f"{t.cell()} ({100 * t.wall / cold.wall:.0f}% of cold)"

        def vs(name: str, ours: Timing, peer: dict[str, Timing] = peer) -> str:
            if name not in peer:
                return "not run"
            return f"{peer[name].cell()} (**{peer[name].wall / ours.wall:.1f}×**)"

        rumdl = "not run"
        if r.get("rumdl"):
            timing, ratio, pairs = r["rumdl"]
            rumdl = f"{timing.cell()} (**{ratio:.2f}×**, median of {pairs} pairs)"
        rows.append(
            f"| {size_label(notes)} notes | {cold.cell()} | {pct(r['warm'])} | {pct(r['changed'])} "
            f"| {r['graph'].cell()} | {rumdl} | {vs('markdownlint', cold)} | {vs('pymarkdown', cold)} "
            f"| {vs('obsidiantools', r['graph'])} | {'exact' if r['exact'] else '**MISMATCH**'} |"
        )
    return rows


def startup_table(startup: dict[str, Timing], big: Timing | None) -> list[str]:
    rows = ["", "| command | wall (median) | peak RSS |", "|---|---|---|"]
    rows += [f"| `{name}` | {t.wall * 1000:.0f} ms | {t.rss_mb} MB |" for name, t in startup.items()]
    if big is not None:
        rows.append(f"| `lint --no-cache`, one 50 MB note | {big.wall:.2f} s | {big.rss_mb} MB |")
    return rows


def targets(
    results: dict[int, dict], peers: dict[int, dict[str, Timing]], startup: dict[str, Timing], big: Timing | None
) -> list[str]:
    """The targets (issues 7 and 18) next to what this run measured (met or not)."""
    lines = []

    def check(name: str, value: float, goal: float, unit: str, at_least: bool) -> None:
        met = value >= goal if at_least else value <= goal
        sign = "≥" if at_least else "≤"
        shown = f"{value:.0f}" if unit == " MB" else f"{value:.1f}"
        lines.append(f"- {name}: {shown}{unit} (target {sign} {goal:g}{unit}) — {'met' if met else 'not met'}")

    tenk = results.get(10000)
    if tenk:
        cold = tenk["cold"].wall
        if tenk.get("rumdl"):
            check("10k lint cold, rumdl ÷ vaultgraph (paired)", tenk["rumdl"][1], 1, "×", True)
        if "markdownlint" in peers.get(10000, {}):
            check(
                "10k lint cold, markdownlint-cli2 ÷ vaultgraph", peers[10000]["markdownlint"].wall / cold, 6, "×", True
            )
        check("10k lint cold, peak RSS", tenk["cold"].rss_mb, 300, " MB", False)
        check("10k warm ÷ cold", 100 * tenk["warm"].wall / cold, 15, "%", False)
        check("10k one note changed ÷ cold", 100 * tenk["changed"].wall / cold, 20, "%", False)
    small = results.get(2000)
    if small and "obsidiantools" in peers.get(2000, {}):
        check(
            "2k graph json, obsidiantools ÷ vaultgraph",
            peers[2000]["obsidiantools"].wall / small["graph"].wall,
            20,
            "×",
            True,
        )
    if 10000 in results and 50000 in results:
        check("lint cold 50k ÷ 10k", results[50000]["cold"].wall / results[10000]["cold"].wall, 6, "×", False)
    if startup:
        check("`vaultgraph --version`", startup["--version"].wall * 1000, 80, " ms", False)
        check("`vaultgraph lint` of a one-note vault", startup["lint one note (cache)"].wall * 1000, 150, " ms", False)
    if big is not None:
        check("one 50 MB note, wall", big.wall, 15, " s", False)
        check("one 50 MB note, peak RSS", big.rss_mb, 1000, " MB", False)
    return ["", "Targets:", "", *lines] if lines else []


def write(lines: list[str], command: str, where: str) -> None:
    body = [
        f"Measured {dt.date.today().isoformat()} on {where}.",
        "",
        "Each cell: wall time / peak RSS of the largest process. A peer's ratio is its time divided by "
        "vaultgraph's cold lint (linters) or by vaultgraph's `graph --format json` from an empty cache "
        "(obsidiantools' `connect().gather()`): above 1 vaultgraph is faster. vaultgraph cold runs use "
        "`--no-cache`; warm runs reuse `.vaultgraph-cache/`. Other processes were running on the machine "
        "(see the load average), which slows every tool, not always equally.",
        "",
        *lines,
        "",
        f"Reproduce: `{command}`",
        "",
        "What each pass changed, the parser switch and its differential testing: `benchmarks/README.md`.",
    ]
    results = REPO / "benchmarks" / "results.md"
    results.write_text("# Benchmark results\n\n" + "\n".join(body) + "\n", encoding="utf-8")
    section = "## Performance\n\n" + "\n".join(body) + "\n"
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    match = re.search(r"^## Performance\n.*?(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    if match:
        text = text[: match.start()] + section + ("\n" if match.end() < len(text) else "") + text[match.end() :]
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "") + section
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000", help="Comma-separated note counts (default 2000,10000).")
    parser.add_argument("--big", action="store_true", help="Also 50000 notes (vaultgraph only).")
    parser.add_argument("--skip", action="append", default=[], choices=PEERS, help="Do not run this peer.")
    parser.add_argument(
        "--pymarkdown-max",
        type=int,
        default=2000,
        help="Run PyMarkdown only on vaults up to this many notes (default 2000: it is slow).",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/vg-bench"), help="Where vaults are generated.")
    parser.add_argument("--rounds", type=int, default=5, help="Pairs of vaultgraph and rumdl runs (default 5).")
    parser.add_argument("--shared", type=Path, default=SHARED, help="The folder with bench/ (default ../shared).")
    parser.add_argument("--no-startup", action="store_true", help="Leave out start-up and the 50 MB note.")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "vaultgraph")], check=True)
    where = machine()
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")] + ([50000] if args.big else [])
    results: dict[int, dict] = {}
    peers: dict[int, dict[str, Timing]] = {}
    for notes in sizes:
        vault = make_vault(args.work, notes, args.shared)
        print(f"{notes} notes: vaultgraph ...", file=sys.stderr, flush=True)
        rumdl = "rumdl" not in args.skip and notes <= 10000
        if rumdl and not RUMDL.exists():
            run_peers(vault, ["rumdl"], args.shared)  # installs it
        results[notes] = run_vaultgraph(vault, args.work, args.rounds, rumdl)
        tools = [
            t
            for t in PEERS
            if t not in args.skip
            and t != "rumdl"
            and notes <= 10000
            and not (t == "pymarkdown" and notes > args.pymarkdown_max)
            and not (t == "obsidiantools" and notes > 2000)
        ]
        print(f"{notes} notes: peers {tools} ...", file=sys.stderr, flush=True)
        peers[notes] = run_peers(vault, tools, args.shared)
    startup: dict[str, Timing] = {}
    big = None
    if not args.no_startup:
        print("start-up and a 50 MB note ...", file=sys.stderr, flush=True)
        startup = run_startup(args.work, 10)
        big = run_big_note(args.work, args.shared)
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    lines = table(results, peers) + startup_table(startup, big) + targets(results, peers, startup, big)
    write(lines, command.strip(), where)
    print((REPO / "benchmarks" / "results.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
