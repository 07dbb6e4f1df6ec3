"""What moving parsed notes costs: the codec against plain pickle, on one core.

    python benchmarks/codec.py /tmp/vg-bench/v10000 [--terms]

Parses every note once (without concept terms, as lint does, unless `--terms`), then times each
side of the trip a note makes from a pool worker to the parent: the worker's encoding (with pickle
of the list the pool sends), and the parent's decoding back to `Note` objects; and, for reference,
pickling the `Note` dataclasses themselves. Best of `--repeat` runs, CPU seconds.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vaultgraph.codec import encode_note, note_decoder
from vaultgraph.vault.note import load_note


def best(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    fastest, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = work()
        fastest = min(fastest, time.process_time() - start)
    return fastest, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--terms", action="store_true", help="with concept terms (what the cache stores)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.vault.rglob("*.md"))
    notes = [
        load_note(path.relative_to(args.vault).as_posix(), path.read_bytes(), with_terms=args.terms) for path in files
    ]
    decode = note_decoder(() if args.terms else ("terms",))
    gc.disable()
    encode_time, blob = best(args.repeat, lambda: pickle.dumps([encode_note(n) for n in notes], protocol=5))
    decode_time, _ = best(args.repeat, lambda: [decode(b) for b in pickle.loads(blob)])
    dump_time, pickled = best(args.repeat, lambda: pickle.dumps(notes, protocol=5))
    load_time, _ = best(args.repeat, lambda: pickle.loads(pickled))
    print(f"{len(notes)} notes{' with terms' if args.terms else ''}")
    print(f"codec   worker {encode_time:5.2f} s   parent {decode_time:5.2f} s   {len(blob) / 1e6:6.1f} MB")
    print(f"pickle  worker {dump_time:5.2f} s   parent {load_time:5.2f} s   {len(pickled) / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
