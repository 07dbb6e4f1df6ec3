"""How much concept extraction adds to parsing (issue 4 target: <= 50% without kiwipiepy).

    python benchmarks/concepts_overhead.py [VAULT]   # default: a fresh make_vault.py --notes 2000

Loads every note of the vault with `load_note` twice per round, once as shipped and once with
`extract_terms` replaced by a no-op, and reports the best of five rounds of each, in CPU seconds. Set
`VAULTGRAPH_KOREAN=fallback` to measure without kiwipiepy when it is installed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from vaultgraph.concepts.korean import tokenizer
from vaultgraph.vault import note as note_module
from vaultgraph.vault.discover import discover

SHARED = Path(__file__).resolve().parents[2] / "shared"


def parse_all(files: list[tuple[str, bytes]]) -> float:
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine
    for rel, data in files:
        note_module.load_note(rel, data)
    return time.process_time() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp) / "v2k"
        if len(sys.argv) <= 1:
            subprocess.run(
                [sys.executable, str(SHARED / "bench" / "make_vault.py"), "--notes", "2000", "--out", str(root)],
                check=True,
                capture_output=True,
            )
        files = [(rel, path.read_bytes()) for rel, path in discover(root, ()).notes]
        tokenizer().noun_runs("워밍업")  # load the Korean model (if any) outside the timing
        with_terms, without = [], []
        for _ in range(5):
            with_terms.append(parse_all(files))
            with mock.patch.object(note_module, "extract_terms", lambda note: []):
                without.append(parse_all(files))
    base, full = min(without), min(with_terms)
    print(f"{len(files)} notes, Korean tokenizer: {tokenizer().name}")
    print(
        f"parse without extraction: {base:.2f}s   with extraction: {full:.2f}s   "
        f"overhead: {100 * (full - base) / base:.0f}%"
    )


if __name__ == "__main__":
    main()
