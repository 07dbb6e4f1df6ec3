"""How fast could a vault be parsed at all? CommonMark parsers side by side, one core, no vaultgraph code.

    python benchmarks/parsers.py /tmp/vg-bench/v10000

Sized the move from markdown-it-py (vaultgraph's parser until the switch to pyromark) to a native
parser. pyromark is a dependency; markdown-it-py and markdown-it-pyrs are timed when installed
(`pip install markdown-it-py markdown-it-pyrs`). Each is timed on the same decoded texts, best of `--repeat`
runs, building the tree or event list with source positions that a linter needs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path


def _markdown_it_py() -> Callable[[str], object]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse


def _markdown_it_pyrs() -> Callable[[str], object]:
    from markdown_it_pyrs import MarkdownIt  # type: ignore[import-not-found]

    parser = MarkdownIt("commonmark").enable_many(["table", "strikethrough"])
    return lambda text: parser.tree(text)


def _pyromark() -> Callable[[str], object]:
    import pyromark  # type: ignore[import-not-found]

    options = (
        pyromark.Options.ENABLE_TABLES
        | pyromark.Options.ENABLE_STRIKETHROUGH
        | pyromark.Options.ENABLE_FOOTNOTES
        | pyromark.Options.ENABLE_MATH
        | pyromark.Options.ENABLE_WIKILINKS
    )
    return lambda text: list(pyromark.events_with_range(text, options=options))


PARSERS = {
    "markdown-it-py": _markdown_it_py,
    "markdown-it-pyrs": _markdown_it_pyrs,
    "pyromark (pulldown-cmark)": _pyromark,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(args.vault.rglob("*.md"))]
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} notes, {size:.1f} MB")
    for name, make in PARSERS.items():
        try:
            parse = make()
        except ImportError:
            print(f"{name:28} not installed")
            continue
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for text in texts:
                parse(text)
            best = min(best, time.perf_counter() - start)
        print(f"{name:28} {best:6.2f} s  {size / best:5.1f} MB/s")


if __name__ == "__main__":
    main()
