"""Content-hash parse cache: a note whose bytes, path and parser are unchanged is not parsed again.

An entry is keyed by the note's vault-relative path (week detection reads it) and the BLAKE2 digest
of its bytes; the whole cache is keyed by a fingerprint of the tool (version, the source of the
`vaultgraph` package, the model's schema, the parser's version, Python's), so any change to the
parser invalidates it. It lives in `VAULT/.vaultgraph-cache/` (the walk skips dot-folders), or in
the user cache folder when the vault is read-only, as 16 shard files. The same signed files
(`ParseCache.load`/`store`) also keep the notes' stat signatures (`vault.snapshot`) and lint's
results (`lint.results`). The folder is made when the first file is stored, so a run that stores
nothing (a folder with no notes) leaves nothing behind.

Where: the user cache folder is platformdirs' (`~/.cache`, `~/Library/Caches`, `%LOCALAPPDATA%`),
or `$XDG_CACHE_HOME` on any system when it is set (CI keeps the signing key there, see action.yml).
A vault is a checkout anyone may have written, so its cache folder is used only when it is a real
folder: a `.vaultgraph-cache` that is a symlink (or a file) is never written through, and the cache
goes to the user cache folder instead. Inside it, files are replaced by rename (which replaces a
link, never its target), read only when they are regular files (no FIFO is waited on, no link is
followed), and `.gitignore` is created only where nothing of that name exists.

Safety: each shard is written to a temporary file and moved into place (`os.replace`), so a
concurrent run sees the old or the new shard, never half of one; a shard that is missing, partial,
from another version or otherwise unreadable is ignored and rewritten. Files are MessagePack
(msgspec), decoded into the type the caller names, never pickles; a vault may still come from
anyone (a pull request in CI), and a forged file could plant findings, so every file carries a
keyed BLAKE2 MAC made with a secret kept in the user's cache folder: a file this user did not write
is never read.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import os
import secrets
import stat
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import platformdirs

import vaultgraph
from vaultgraph.codec import SCHEMA

CACHE_DIR_NAME = ".vaultgraph-cache"
SHARDS = 16
_MAGIC = b"VGC2"
_MAC_SIZE = 32

PARSER_SOURCES = ("parse", "concepts", "model.py", "codec.py", "unicode.py", "vault/note.py")
"""What `load_note` runs (relative to the package): an edit to any of it invalidates the cache."""
Entry = tuple[bytes, bytes]
"""(digest of the file's bytes, the note as `codec.encode_note` wrote it)."""
T = TypeVar("T")
_ENCODER = msgspec.msgpack.Encoder()
_HEAD = msgspec.msgpack.Decoder(tuple[str, msgspec.Raw])
_SHARD = msgspec.msgpack.Decoder(dict[str, Entry])


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def user_cache_home() -> Path:
    """vaultgraph's folder in the user cache folder (`$XDG_CACHE_HOME/vaultgraph` whenever that is set)."""
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "vaultgraph" if base else platformdirs.user_cache_path("vaultgraph", appauthor=False)


def tool_fingerprint() -> str:
    """Changes with anything that can change what `load_note` returns for the same bytes."""
    h = hashlib.blake2b(digest_size=16)
    # VAULTGRAPH_KOREAN chooses the Korean tokenizer (and kiwipiepy's version its output): the terms of a note.
    h.update(f"{vaultgraph.__version__}|{SCHEMA}|{sys.version_info[:2]}|{os.environ.get('VAULTGRAPH_KOREAN')}".encode())
    # The libraries that parse, known by their installed files (an upgrade rewrites them): finding
    # them imports nothing, where importlib.metadata cost 10 ms of a one-note lint's 130.
    for module in ("pyromark", "yaml", "frontmatter", "kiwipiepy"):
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        try:
            found = os.stat(origin) if origin else None
        except OSError:
            found = None
        h.update(
            f"|{module}={origin}:{found.st_size}:{found.st_mtime_ns}".encode() if found else f"|{module}=?".encode()
        )
    # A development checkout changes without a version bump.
    h.update(source_fingerprint(Path(vaultgraph.__file__).parent, PARSER_SOURCES).encode())
    return h.hexdigest()


def source_fingerprint(package: Path, parts: tuple[str, ...] = (".",)) -> str:
    """Digest of the Python sources under `parts` (files or folders) of `package`, with their names."""
    h = hashlib.blake2b(digest_size=16)
    sources: list[Path] = []
    for part in parts:
        path = package / part
        sources.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    for source in sources:
        h.update(source.relative_to(package).as_posix().encode())
        h.update(source.read_bytes())
    return h.hexdigest()


def _secret(home: Path) -> bytes | None:
    """This user's MAC key, created on first use; None when it cannot be kept (then no cache)."""
    path = home / "cache-key"
    try:
        return _read_key(path)
    except OSError:
        pass
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
    except FileExistsError:
        pass  # another run created it first: use theirs
    except OSError:
        return None
    try:
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes:
    key = path.read_bytes()
    if len(key) != 32:
        raise OSError("cache key has the wrong size")
    return key


def _usable_dir(path: Path, real: bool) -> bool:
    """Whether the cache can be kept in `path` (made later, by `_make_dir`); `real`: never a symlink."""
    try:
        mode = (os.lstat if real else os.stat)(path).st_mode
    except FileNotFoundError:
        parent = path.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        return os.access(parent, os.W_OK)
    except OSError:
        return False
    return stat.S_ISDIR(mode) and os.access(path, os.W_OK)


def _make_dir(path: Path, real: bool) -> bool:
    """Make the cache folder and its `.gitignore`; False when it cannot be (or is not a real folder)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not stat.S_ISDIR((os.lstat if real else os.stat)(path).st_mode):
            return False  # a symlink planted since `_usable_dir` looked
    except OSError:  # a dangling symlink in the way too (FileExistsError)
        return False
    try:
        # Keep the cache out of the user's commits. O_EXCL: a name that exists, even as a dangling
        # symlink, is left as it is rather than created wherever the link points.
        fd = os.open(path / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w") as out:
            out.write("# vaultgraph parse cache\n*\n")
    except OSError:
        pass  # there already, or not writable: the cache works without it
    return True


def cache_dir_for(root: Path, home: Path) -> tuple[Path, bool] | None:
    """(`VAULT/.vaultgraph-cache`, True) when it is a real writable folder or can be made one, else
    (a folder per vault in the user cache, False), else None. The folder may not exist yet."""
    local = root / CACHE_DIR_NAME
    if _usable_dir(local, real=True):
        return local, True
    name = hashlib.blake2b(os.fsencode(root.resolve()), digest_size=8).hexdigest()
    fallback = home / "vaults" / name
    return (fallback, False) if _usable_dir(fallback, real=False) else None


def _read_regular(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file and not a symlink; OSError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return stream.read()


def shard_of(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogatepass")) % SHARDS  # a lone surrogate must not crash


@dataclass(slots=True)
class ParseCache:
    """The shards of one vault's cache. A shard is read, used and dropped one at a time, so the
    cache never holds a second copy of the whole vault in memory."""

    directory: Path
    key: bytes
    fingerprint: str
    in_vault: bool = True
    """The folder is the vault's own `.vaultgraph-cache` (which must be a real folder, never a link)."""
    made: bool = False
    """The folder has been made (or found) by this run's first `store`."""

    @classmethod
    def open(cls, root: Path, home: Path | None = None) -> ParseCache | None:
        """The cache of the vault at `root`; None when no place to keep it can be found."""
        home = home or user_cache_home()
        key = _secret(home)
        place = cache_dir_for(root, home) if key is not None else None
        if key is None or place is None:
            return None
        return cls(place[0], key, tool_fingerprint(), place[1])

    def read(self, shard: int) -> dict[str, Entry] | None:
        """The entries of `shard` by path; None when it is absent, stale or damaged (rewrite it)."""
        return self.load(f"parse-{shard:02d}", _SHARD)

    def write(self, shard: int, entries: dict[str, Entry]) -> None:
        """Replace `shard` atomically; a shard with no entries is removed (prune)."""
        self.store(f"parse-{shard:02d}", entries or None)

    def load(self, name: str, decoder: msgspec.msgpack.Decoder[T]) -> T | None:
        """What `store` last kept under `name` with this fingerprint, decoded by `decoder`; None when
        absent, stale, damaged or not of the decoder's type."""
        try:
            blob = _read_regular(self.directory / f"{name}.msgpack")
        except OSError:
            return None
        body = len(_MAGIC) + _MAC_SIZE
        head, mac, payload = blob[: len(_MAGIC)], blob[len(_MAGIC) : body], blob[body:]
        if head != _MAGIC or not hmac.compare_digest(mac, self._mac(payload)):
            return None  # not ours, truncated or tampered with: never read it
        try:
            fingerprint, value = _HEAD.decode(payload)
            return decoder.decode(value) if fingerprint == self.fingerprint else None
        except (msgspec.DecodeError, ValueError):  # ValidationError is a DecodeError
            return None

    def store(self, name: str, value: Any) -> None:
        """Replace the file `name` atomically with `value` (MessagePack); None removes it (prune)."""
        target = self.directory / f"{name}.msgpack"
        if value is None:
            with contextlib.suppress(OSError):  # a stale file left behind is only ignored later
                target.unlink(missing_ok=True)
            return
        payload = _ENCODER.encode((self.fingerprint, value))
        if not self.made and not _make_dir(self.directory, real=self.in_vault):
            return  # the cache is an optimisation: a folder that cannot be had only costs speed
        self.made = True
        try:
            fd, temp = tempfile.mkstemp(dir=self.directory, prefix=f".{name}.", suffix=".tmp")
        except OSError:
            return  # a folder that turned read-only only costs speed
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + self._mac(payload) + payload)
            os.replace(temp, target)
        except OSError:
            Path(temp).unlink(missing_ok=True)

    def _mac(self, payload: bytes) -> bytes:
        return hashlib.blake2b(payload, key=self.key, digest_size=_MAC_SIZE).digest()
