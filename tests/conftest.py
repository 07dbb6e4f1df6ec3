"""Shared fixtures: one headless Chromium for the session, a private user cache folder for every test,
a copy of the sample vault to write caches into, and one generated vault with its answer key.

Tests write only inside their temporary folders: the user cache folder (where the cache's signing key
lives) points into one for the whole session and for each test, so does the user config folder (for
Chromium), and `sample_vault/` in the checkout is only ever read (a test that runs a command with the
cache on uses the `sample_vault` fixture).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from vaultgen import AnswerKey, write_vault

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this
# machine's closed network refuses; the tests also abort every non-file request themselves.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium when it is installed, else the one `python -m playwright install chromium` fetched."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _point_user_cache_at(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # XDG_CACHE_HOME is what Linux (and platformdirs there) reads, LOCALAPPDATA what Windows falls back
    # to; macOS keeps caches under ~/Library/Caches, so there the home folder moves too.
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setenv("LOCALAPPDATA", str(home))
    if sys.platform == "darwin":
        monkeypatch.setenv("HOME", str(home))


@pytest.fixture(scope="session", autouse=True)
def _session_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module- and session-scoped fixtures run before a test's own fixtures: they get this cache folder.

    The config folder moves too: Chromium keeps a crash-report folder in `~/.config/chromium`.
    """
    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_user_cache_at(tmp_path_factory.mktemp("session-user-cache"), monkeypatch)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("session-user-config")))
        yield


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user cache folder (its cache key, its read-only-vault caches): returned."""
    home = tmp_path / "user-cache"
    _point_user_cache_at(home, monkeypatch)
    return home / "vaultgraph"


@pytest.fixture
def sample_vault(tmp_path: Path) -> Path:
    """A copy of `sample_vault/`, for commands that keep their cache in the vault."""
    return shutil.copytree(SAMPLE_VAULT, tmp_path / "sample_vault", ignore=shutil.ignore_patterns(".vaultgraph-cache"))


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AnswerKey]:
    """A 400-note vault from `vaultgen` and its answer key, shared by the session: read it, never write it."""
    root = tmp_path_factory.mktemp("generated") / "vault"
    return root, write_vault(root, notes=400)
