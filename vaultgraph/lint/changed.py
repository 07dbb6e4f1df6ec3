"""`--changed [REF]`: the notes that differ from a git ref, plus untracked ones, as vault-relative paths."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from vaultgraph.errors import VaultgraphError


class GitError(VaultgraphError):
    """git is missing, PATH is not in a repository, or the ref is unknown; the message is one line."""


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("--changed needs git, and git is not installed") from exc
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else f'exit {done.returncode}'}")
    return done.stdout


def changed_paths(root: Path, ref: str = "HEAD") -> set[str]:
    """Notes under `root` changed against `ref` (committed, staged or not) or untracked, NFC, POSIX."""
    if ref.startswith("-"):
        raise GitError(f"--changed: {ref!r} is not a git ref")
    real_root = root.resolve()
    try:
        top = Path(_git(real_root, "rev-parse", "--show-toplevel").strip())
    except GitError as exc:
        raise GitError(f"--changed: {root} is not inside a git repository") from exc
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError as exc:
        raise GitError(f"--changed: unknown git ref {ref!r}") from exc
    names = _git(top, "diff", "--name-only", "--no-renames", "-z", ref, "--").split("\0")
    names += _git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    found = set()
    for name in filter(None, names):
        try:
            rel = (top / name).relative_to(real_root)
        except ValueError:
            continue  # outside the vault
        found.add(unicodedata.normalize("NFC", rel.as_posix()))
    return found
