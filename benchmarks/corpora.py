"""Every command over the real corpora in ../shared/corpora: checks, findings by code, wall time per command.

    python benchmarks/corpora.py [CORPORA_DIR]

The corpora are third-party vaults kept beside the repository, not in it (dendronhq/dendron-site,
obsidian-tasks-group/obsidian-tasks); `.ci/run` runs this script after the tests when they are there.
Each corpus is copied to a temporary folder first (the commands keep their cache in the vault, and
the corpora are shared), then the installed CLI runs in a subprocess as a CI job would: a cold parse
cache for the first command, warm after, with the user cache folder in the temporary folder too.

Prints a Markdown table per corpus and exits 1 when a check fails: a traceback, an exit status other
than 0 or 1, lint JSON that does not count every note or names a path outside the vault, a command
that wrote nothing. The same checks over small vaults in the corpora's shapes are in tests/test_corpora.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
EXPECTED = {"dendron-site", "obsidian-tasks"}
COMMANDS = [
    ["lint", "--format", "json", "--no-cache"],
    ["lint", "--format", "json"],
    ["lint", "--format", "sarif"],
    ["concepts", "--format", "json"],
    ["graph", "--format", "json", "-o", "-"],
    ["graph", "--format", "html", "-o", "map.html"],
    ["timeline", "--format", "json"],
    ["timeline", "--format", "html", "-o", "timeline.html"],
    ["report", "--format", "json"],
    ["report", "--format", "markdown"],
]


def problems_of(args: list[str], result: subprocess.CompletedProcess[str], vault: Path, cwd: Path) -> list[str]:
    """What is wrong with one command's run; empty when it passed."""
    if "Traceback" in result.stderr:
        return [f"traceback: {result.stderr[-2000:]}"]
    if result.returncode not in (0, 1):
        return [f"exit {result.returncode}: {result.stderr[-2000:]}"]
    if "-o" in args and args[args.index("-o") + 1] != "-":
        output = cwd / args[args.index("-o") + 1]
        return [] if output.is_file() and output.stat().st_size > 0 else [f"{output.name} is missing or empty"]
    if not result.stdout.strip():
        return ["no output"]
    if args[:3] != ["lint", "--format", "json"]:
        return []
    report = json.loads(result.stdout)
    notes = sum(1 for p in vault.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(vault).parts))
    found = [f"{report['files']} files linted, {notes} notes in the vault"] if report["files"] != notes else []
    outside = [d["path"] for d in report["diagnostics"] if d["path"].startswith(("/", ".."))]
    return found + [f"a path outside the vault: {path}" for path in outside[:3]]


def check_corpus(corpus: Path) -> list[str]:
    """Run every command over a copy of `corpus`, print its table, and return what failed."""
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        vault = Path(shutil.copytree(corpus, work / corpus.name, ignore=shutil.ignore_patterns(".vaultgraph-cache")))
        # The cache home must not be the working folder: `python -m vaultgraph` would import its `vaultgraph/`.
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "user-cache")}
        print(f"\n## {corpus.name}\n\n| command | exit | seconds | passed |\n|---|---|---|---|")
        lint_json = None
        for args in COMMANDS:
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "vaultgraph", *args, str(vault)],
                capture_output=True,
                text=True,
                cwd=work,
                env=env,
            )
            seconds = time.perf_counter() - start
            problems = problems_of(args, result, vault, work)
            failures += [f"{corpus.name}: vaultgraph {' '.join(args)}: {problem}" for problem in problems]
            print(f"| `{' '.join(args)}` | {result.returncode} | {seconds:.1f} | {'no' if problems else 'yes'} |")
            if args[0] == "lint" and lint_json is None and not problems:
                lint_json = json.loads(result.stdout)
        if lint_json is not None:
            codes = Counter(d["code"] for d in lint_json["diagnostics"])
            print(
                f"\nfiles: {lint_json['files']}; findings: {len(lint_json['diagnostics'])} "
                f"({', '.join(f'{c} {n}' for c, n in sorted(codes.items()))})"
            )
    return failures


def main() -> int:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPORA
    corpora = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    failures = [f"{base}: no {name}" for name in sorted(EXPECTED - {p.name for p in corpora})]
    for corpus in corpora:
        failures += check_corpus(corpus)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
