"""Every command over the real corpora in ../shared/corpora: files, findings by code, wall time per command.

    python benchmarks/corpora.py [CORPUS_DIR]

Runs the installed CLI in a subprocess (cold parse cache for the first command, in a temporary
XDG_CACHE_HOME, then warm), the way a CI job would, and prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
COMMANDS = [
    ["lint", "--format", "json", "--no-cache"],
    ["lint", "--format", "json"],
    ["concepts", "--format", "json"],
    ["graph", "--format", "json", "-o", "-"],
    ["graph", "--format", "html", "-o", "map.html"],
    ["timeline", "--format", "json"],
    ["timeline", "--format", "html", "-o", "timeline.html"],
    ["report", "--format", "json"],
]


def main() -> None:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPORA
    for corpus in sorted(p for p in base.iterdir() if p.is_dir()):
        with tempfile.TemporaryDirectory() as tmp:
            # The cache home must not be the working folder: `python -m vaultgraph` would import its `vaultgraph/`.
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
            print(f"\n## {corpus.name}\n\n| command | exit | seconds | traceback |\n|---|---|---|---|")
            lint_json = None
            for args in COMMANDS:
                start = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-m", "vaultgraph", *args, str(corpus)],
                    capture_output=True,
                    text=True,
                    cwd=tmp,
                    env=env,
                )
                seconds = time.perf_counter() - start
                print(f"| `{' '.join(args)}` | {result.returncode} | {seconds:.1f} | {'Traceback' in result.stderr} |")
                if args[0] == "lint" and lint_json is None:
                    lint_json = json.loads(result.stdout)
            codes = Counter(d["code"] for d in lint_json["diagnostics"])
            print(
                f"\nfiles: {lint_json['files']}; findings: {len(lint_json['diagnostics'])} "
                f"({', '.join(f'{c} {n}' for c, n in sorted(codes.items()))})"
            )


if __name__ == "__main__":
    main()
