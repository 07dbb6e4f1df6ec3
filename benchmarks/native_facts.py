"""Sizing a native parser: lint facts built from pulldown-cmark's events (pyromark), timed on one core.

    pip install pyromark      # not a dependency of vaultgraph
    python benchmarks/native_facts.py /tmp/vg-bench/v10000

A sketch for the decision of issue 7, not a second parser: it builds the facts most rules read
(headings, links and embeds, list items, tags, text segments, code blocks, each with its line and
column) from the events and their byte ranges, and leaves out what `parse_note` also does (front
matter, Obsidian comments, block ids, weeks, the exact rules of Obsidian's inline syntax). Compare
its time with `parse_note`'s on the same vault (`benchmarks/parsers.py` times the parsers alone).
"""

from __future__ import annotations

import argparse
import bisect
import re
import time
from pathlib import Path
from typing import Any

import pyromark  # type: ignore[import-not-found]

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_WIKILINKS
)
_LINE_END = re.compile(rb"\n")
_TAG = re.compile(r"(?<!\S)#([^\s#]+)")


def facts(text: str) -> dict[str, list[Any]]:
    data = text.encode("utf-8")
    starts = [0] + [match.end() for match in _LINE_END.finditer(data)]

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, len(data[starts[line] : offset].decode("utf-8", "replace")) + 1

    found: dict[str, list[Any]] = {kind: [] for kind in ("headings", "links", "items", "tags", "segments", "code")}
    heading: tuple[tuple[int, int], list[str]] | None = None
    for event, span in pyromark.events_with_range(text, options=OPTIONS):
        if type(event) is not dict:
            continue
        if "Text" in event:
            found["segments"].append((event["Text"], span["start"]))
            if heading is not None:
                heading[1].append(event["Text"])
            if "#" in event["Text"]:
                found["tags"].extend((m.group(1), position(span["start"])) for m in _TAG.finditer(event["Text"]))
        elif "Start" in event:
            start = event["Start"]
            if start == "Item":
                found["items"].append((position(span["start"]), span["end"] - span["start"]))
            elif type(start) is dict and "Heading" in start:
                heading = (position(span["start"]), [])
            elif type(start) is dict and ("Link" in start or "Image" in start):
                target = (start.get("Link") or start["Image"])["dest_url"]
                found["links"].append((target, position(span["start"]), "Image" in start))
            elif type(start) is dict and "CodeBlock" in start:
                found["code"].append((position(span["start"]), position(span["end"])))
        elif type(event.get("End")) is dict and "Heading" in event["End"] and heading is not None:
            found["headings"].append((heading[0], "".join(heading[1])))
            heading = None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(args.vault.rglob("*.md"))]
    start = time.perf_counter()
    counts: dict[str, int] = {}
    for text in texts:
        for kind, items in facts(text).items():
            counts[kind] = counts.get(kind, 0) + len(items)
    print(
        f"{len(texts)} notes: {time.perf_counter() - start:.2f} s on one core, parsing included; "
        + ", ".join(f"{count} {kind}" for kind, count in counts.items())
    )


if __name__ == "__main__":
    main()
