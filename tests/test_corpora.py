"""Every command over the real third-party vaults in ../shared/corpora: no traceback, exit 0 or 1.

The corpora are read-only (the parse cache falls back to a temporary user cache). Numbers (files,
findings by code, time per command) come from `benchmarks/corpora.py`, not from here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
NAMES = sorted(p.name for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
# One run per command (building the graph of a 1,000-note vault is the slow part; the hostile vault test
# covers every format), plus SARIF, the format CI uploads.
COMMANDS = [
    ["lint", "--format", "json"],
    ["lint", "--format", "sarif"],
    ["concepts", "--format", "json"],
    ["graph", "--format", "html", "-o", "map.html"],
    ["timeline", "--format", "html", "-o", "timeline.html"],
    ["report", "--format", "markdown"],
]


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One user cache for the module: the first command parses each corpus, the rest read the cache."""
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("xdg-cache"))}


def test_the_corpora_are_there() -> None:
    assert {"dendron-site", "obsidian-tasks"} <= set(NAMES), CORPORA


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", NAMES)
def test_every_command_over_a_real_corpus(
    name: str, args: list[str], cache_env: dict[str, str], tmp_path: Path
) -> None:
    corpus = CORPORA / name
    result = subprocess.run(
        [sys.executable, "-m", "vaultgraph", *args, str(corpus)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=cache_env,
        timeout=600,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    if args[:3] == ["lint", "--format", "json"]:
        report = json.loads(result.stdout)
        notes = sum(1 for p in corpus.rglob("*.md") if not any(part.startswith(".") for part in p.parts))
        assert report["files"] == notes
        assert all(not d["path"].startswith(("/", "..")) for d in report["diagnostics"])
    elif "-o" in args and args[args.index("-o") + 1] != "-":
        assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
    else:
        assert result.stdout.strip()
