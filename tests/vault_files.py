"""Write a small vault for a test: vault-relative path -> text (UTF-8) or raw bytes."""

from __future__ import annotations

from pathlib import Path


def write_files(root: Path, files: dict[str, str] | dict[str, bytes] | dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root
