"""Differential test of two parsers: the facts of every note and the lint findings, side by side.

    python benchmarks/differential.py --reference e0c3b9d  VAULT_OR_FOLDER ...
    python benchmarks/differential.py --reference e0c3b9d --examples 5 sample_vault /tmp/v2k

The reference is a commit of this repository (`git archive` of its `vaultgraph/` into a temporary
folder, run with its own imports; the markdown-it-py parser, for instance, needs markdown-it-py and
mdit-py-plugins installed). The candidate is the working tree. Both load each vault without a cache
and lint it with every rule (`--select ALL`); the script prints, per vault, how many notes differ in
each kind of fact (links, tags, headings, block ids, list items, fences, comments, segments, title,
week) and which findings one side has and the other not, with examples.

Segments are compared with their block numbers renumbered in order of appearance (the numbering is
an implementation detail; which segments share a block is not).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DUMP = r"""
import json, sys
from pathlib import Path
from vaultgraph.config import Config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.vault.load import load_vault

def facts(note):
    blocks = {}
    segments = []
    for s in note.segments:
        segments.append((s.text, s.line, blocks.setdefault(s.block, len(blocks)), s.section, s.kind))
    return {
        "links": [(l.raw, l.target, l.heading, l.block, l.display, l.embed, l.kind, l.span.line, l.span.column,
                   l.span.end_line, l.span.end_column) for l in note.links],
        "tags": [(t.name, t.line, t.column, t.source) for t in note.tags],
        "headings": [(h.level, h.text, h.line, h.slug) for h in note.headings],
        "block_ids": [(b.id, b.line) for b in note.block_ids],
        "list_items": [(i.line, i.column, i.marker_end, i.empty) for i in note.list_items],
        "fences": [(f.kind, f.line, f.end_line, f.closed, f.info) for f in note.fences],
        "comments": [(c.line, c.end_line) for c in note.comments],
        "segments": segments,
        "title": note.title,
        "week": note.week.key if note.week else None,
    }

out = {}
config = Config()
rules = select_rules(config, Selection(select=("ALL",)))
for root in sys.argv[1:]:
    vault = load_vault(Path(root), parallel_min_bytes=1 << 60)
    found = [(d.path, d.code, d.line, d.column, d.end_line, d.end_column) for d in lint_vault(vault, config, rules)]
    out[root] = {"notes": {path: facts(note) for path, note in vault.notes.items()}, "findings": found}
json.dump(out, sys.stdout)
"""

KINDS = ("links", "tags", "headings", "block_ids", "list_items", "fences", "comments", "segments", "title", "week")


def dump(source: Path, roots: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(source), "VAULTGRAPH_KOREAN": "fallback"}
    result = subprocess.run(
        [sys.executable, "-c", DUMP, *roots], capture_output=True, text=True, env=env, cwd=source, check=False
    )
    if result.returncode != 0:
        sys.exit(f"dump with {source} failed:\n{result.stderr[-3000:]}")
    data: dict = json.loads(result.stdout)
    return data


def reference_tree(commit: str, into: Path) -> Path:
    archive = into / "reference.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "-C", str(REPO), "archive", commit, "vaultgraph"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "reference", filter="data")
    return into / "reference"


def compare(root: str, old: dict, new: dict, examples: int) -> dict:
    """Per kind of fact, the notes that differ; and the findings only one side has."""
    differing: Counter[str] = Counter()
    shown: dict[str, list] = {}
    for path in sorted(set(old["notes"]) | set(new["notes"])):
        a, b = old["notes"].get(path), new["notes"].get(path)
        if a is None or b is None:
            differing["missing note"] += 1
            continue
        for kind in KINDS:
            if a[kind] != b[kind]:
                differing[kind] += 1
                if len(shown.setdefault(kind, [])) < examples:
                    only_old = [x for x in a[kind] if x not in b[kind]] if isinstance(a[kind], list) else a[kind]
                    only_new = [x for x in b[kind] if x not in a[kind]] if isinstance(b[kind], list) else b[kind]
                    shown[kind].append({"path": path, "reference": only_old[:4], "candidate": only_new[:4]})
    old_found = Counter(tuple(f) for f in old["findings"])
    new_found = Counter(tuple(f) for f in new["findings"])
    return {
        "root": root,
        "notes": len(new["notes"]),
        "differing": dict(differing),
        "examples": shown,
        "findings": (sum(old_found.values()), sum(new_found.values())),
        "findings only in reference": sorted((old_found - new_found).elements())[: examples * 4],
        "findings only in candidate": sorted((new_found - old_found).elements())[: examples * 4],
        "counts": (sum((old_found - new_found).values()), sum((new_found - old_found).values())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path, help="vaults (each loaded and linted as a whole)")
    parser.add_argument("--reference", required=True, help="commit of the reference parser")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    args = parser.parse_args()
    roots = [str(root.resolve()) for root in args.roots]
    with tempfile.TemporaryDirectory() as temp:
        old = dump(reference_tree(args.reference, Path(temp)), roots)
    new = dump(REPO, roots)
    results = [compare(root, old[root], new[root], args.examples) for root in roots]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    for result in results:
        print(f"\n## {result['root']}: {result['notes']} notes")
        print(f"notes differing by kind of fact: {result['differing'] or 'none'}")
        print(
            f"findings: reference {result['findings'][0]}, candidate {result['findings'][1]}; "
            f"only in reference {result['counts'][0]}, only in candidate {result['counts'][1]}"
        )
        for key in ("findings only in reference", "findings only in candidate"):
            for finding in result[key]:
                print(f"  {key[14:]}: {finding}")
        for kind, cases in result["examples"].items():
            for case in cases:
                print(
                    f"  [{kind}] {case['path']}\n     reference: {case['reference']}\n     candidate: {case['candidate']}"
                )


if __name__ == "__main__":
    main()
