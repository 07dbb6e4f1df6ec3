"""The library API, and what the command line is a thin layer over.

Three functions, in the style of mdformat's two:

    import vaultgraph
    report = vaultgraph.lint("notes")            # LintReport: .diagnostics, .files, .paths, .rules
    top = vaultgraph.concepts("notes")[:10]      # list[Concept], most salient first
    g = vaultgraph.graph("notes")                # networkx.MultiDiGraph (node and edge kinds as in the README)

Each takes the vault folder, `config=` (a config file, or None to find `vaultgraph.toml` /
`.vaultgraph.toml` / `[tool.vaultgraph]` walking up from the vault) and `cache=` (read and write
`.vaultgraph-cache/`, default True). `Workspace` is the same thing step by step, for a caller that
wants several results of one vault (notes parsed once) or to watch progress, as the CLI does.

Errors a user can fix (a bad config, option, week or path) raise `vaultgraph.errors.VaultgraphError`
with a one-line message. Every import below that is not needed to start is made where it is used:
`import vaultgraph` and `vaultgraph --version` must not pay for the parser, YAML or networkx.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vaultgraph.errors import UsageError, VaultgraphError

if TYPE_CHECKING:
    import networkx as nx

    from vaultgraph.cache import ParseCache
    from vaultgraph.config import Config
    from vaultgraph.lint.engine import Selection
    from vaultgraph.lint.fix import FixResult
    from vaultgraph.lint.report import LintReport
    from vaultgraph.model import Concept, Vault
    from vaultgraph.series.questions import Question
    from vaultgraph.series.timeline import Timeline
    from vaultgraph.series.weekly_report import WeeklyReport
    from vaultgraph.vault.snapshot import Snapshot

__all__ = ["LintOptions", "Workspace", "concepts", "graph", "lint", "vault_root"]

ParseProgress = Callable[[int, int], None]
"""Told (notes parsed so far, notes to parse) while notes are parsed; cached notes are not counted."""
Step = Callable[[str], None]
"""Told the name of each step a long command starts (`finding concepts`, ...)."""


def _no_step(_name: str) -> None:
    pass


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What to check and how: the `lint` command's options, as data."""

    select: Sequence[str] | None = None
    """Codes, prefixes or rule names to check, replacing the config's `select` (ruff semantics)."""
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    fix: bool = False
    """Apply safe fixes (and with `unsafe_fixes` the unsafe ones) before reporting what is left."""
    unsafe_fixes: bool = False
    """With `fix` (or `Workspace.plan_fixes`), also the fixes that may change meaning (VG002 re-encode)."""
    changed: str | None = None
    """Report only notes changed against this git ref (untracked ones included)."""
    baseline: Path | None = None
    """Leave out the findings recorded in this baseline file."""
    paths: Collection[str] | None = None
    """Report (and fix) only these notes, by vault-relative path (`Workspace.note_path`); links still
    resolve against the whole vault. With `changed`, the notes in both."""

    def __post_init__(self) -> None:
        from vaultgraph.lint.rule import unknown_selectors

        for option, codes in (
            ("select", self.select or ()),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
        ):
            unknown = unknown_selectors(codes)
            if unknown:
                raise UsageError(f"--{option}: unknown rule code or name {unknown[0]!r} (see `vaultgraph rules`)")


@dataclass(slots=True)
class Workspace:
    """One vault as vaultgraph sees it: its config, its notes and what is built from them, each made once.

    The notes are parsed on first need (`load`, or any property that needs them); `concepts`,
    `graph`, `timeline` and `questions` are computed once and kept.
    """

    path: Path
    config: Config
    store: ParseCache | None
    """The parse cache (None: `cache=False`, or nowhere to keep one)."""
    step: Step = _no_step
    _snapshot: Snapshot | None = field(default=None, repr=False)
    _vaults: dict[tuple[tuple[str, ...], bool], Vault] = field(default_factory=dict, repr=False)
    _concepts: list[Concept] | None = field(default=None, repr=False)
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)
    _timeline: Timeline | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        config: str | os.PathLike[str] | None = None,
        cache: bool = True,
        step: Step = _no_step,
    ) -> Workspace:
        """The vault at `path`; `config` a config file (None: the nearest one); `cache` use the parse cache."""
        from vaultgraph.cache import ParseCache
        from vaultgraph.config import load_config

        folder = Path(path)
        if not folder.is_dir():
            raise VaultgraphError(f"{folder}: does not exist" if not folder.exists() else f"{folder}: is not a folder")
        settings = load_config(folder, Path(config) if config is not None else None)
        return cls(folder, settings, ParseCache.open(folder) if cache else None, step)

    @property
    def snapshot(self) -> Snapshot:
        """What the vault holds now: its note files, attachments and their signatures."""
        if self._snapshot is None:
            from vaultgraph.vault.snapshot import take_snapshot

            self._snapshot = take_snapshot(self.path, self.config.exclude, self.store)
        return self._snapshot

    @property
    def empty(self) -> bool:
        """The folder holds no Markdown note at all (a mistyped path, an empty checkout)."""
        return not self.snapshot.paths()

    def load(self, *, progress: ParseProgress | None = None, skip: Collection[str] = (), lazy: bool = False) -> Vault:
        """The parsed vault (from the cache where it can); `skip` names `Note` fields the caller never
        reads (left empty), `lazy` decodes cached notes field by field (see `vault.load.load_snapshot`)."""
        key = (tuple(sorted(skip)), lazy)
        vault = self._vaults.get(key) or self._vaults.get(((), False))
        if vault is None:
            from vaultgraph.collector import collector_paused
            from vaultgraph.series.settings import weeks_settings
            from vaultgraph.vault.load import load_snapshot

            # The vault lives as long as the workspace: frozen once built, later collections (lint,
            # graph) do not walk its million objects.
            with collector_paused(freeze=True):
                vault = load_snapshot(
                    self.snapshot,
                    self.store,
                    progress=progress,
                    flavor=self.config.flavor,
                    skip=skip,
                    lazy=lazy,
                    daily=weeks_settings(self.config.sections)["daily"],
                )
            self._vaults[key] = vault
        return vault

    @property
    def vault(self) -> Vault:
        return self.load()

    @property
    def concepts(self) -> list[Concept]:
        """Every concept of the vault, most salient first."""
        if self._concepts is None:
            from vaultgraph.collector import collector_paused
            from vaultgraph.concepts.build import build_concepts

            vault = self.vault
            self.step("finding concepts")
            with collector_paused():
                self._concepts = build_concepts(vault, self.config)
        return self._concepts

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The knowledge graph: notes, concepts, tags, weeks, missing notes; communities and salience."""
        if self._graph is None:
            from vaultgraph.collector import collector_paused
            from vaultgraph.graph.build import build_graph

            concepts = self.concepts
            self.step("building the graph and its communities")
            with collector_paused():
                self._graph = build_graph(self.vault, self.config, concepts)
        return self._graph

    @property
    def timeline(self) -> Timeline:
        """Each series with its weeks, and each concept's weeks."""
        if self._timeline is None:
            from vaultgraph.series.timeline import build_timeline

            concepts = self.concepts
            self._timeline = build_timeline([n for n in self.vault.notes.values() if n.readable], concepts)
        return self._timeline

    def questions(self) -> list[Question]:
        """The open questions of every note with a week, each marked with the earlier ones it carries."""
        from vaultgraph.series.questions import carried, find_questions

        found = [q for note in self.vault.notes.values() if note.readable and note.week for q in find_questions(note)]
        carried(found)
        return found

    def weekly_report(self, week: str | None = None) -> WeeklyReport | None:
        """The report of `week` (`N`, `SERIES/N`, `YYYY-Www`; None: the latest week of the longest series);
        None when no note has a week and none was asked for. An unknown week raises `WeekNotFound`."""
        from vaultgraph.series.select import default_week, resolve_week
        from vaultgraph.series.settings import report_settings
        from vaultgraph.series.weekly_report import build_report

        timeline = self.timeline
        if week is None and default_week(timeline) is None:
            return None
        chosen = resolve_week(timeline, week)
        dormant = report_settings(self.config.sections)["dormant-weeks"]
        titles = {path: note.title for path, note in self.vault.notes.items()}
        return build_report(timeline, self.questions(), chosen, dormant, titles)

    def select_weeks(self, first: str | None, last: str | None, series: str | None) -> set[str] | None:
        """The week keys `--week-from FIRST --week-to LAST --series SERIES` keep (`N`, `SERIES/N`,
        `YYYY-Www`); None when none is given. A selection that matches nothing raises `WeekNotFound`."""
        from vaultgraph.series.select import select_weeks

        return select_weeks(self.timeline, first, last, series)

    def lint(self, options: LintOptions | None = None, *, progress: ParseProgress | None = None) -> LintReport:
        """Lint the vault: fix first when `options.fix`, then report what is left."""
        options = options or LintOptions()
        from vaultgraph.lint.baseline import new_findings, read_baseline
        from vaultgraph.lint.engine import lint_vault, select_rules
        from vaultgraph.lint.fix import fix_vault
        from vaultgraph.lint.report import LintReport
        from vaultgraph.lint.results import lint_with_results
        from vaultgraph.vault.flavors import detect_flavor

        rules = select_rules(self.config, _selection(options))
        if self.empty:  # nothing to check, and nothing to keep in a cache folder
            return LintReport(root=str(self.path), files=0, diagnostics=[], rules=tuple(rules))
        paths = self._paths(options)
        known = read_baseline(options.baseline) if options.baseline is not None else None
        fixes = None
        if self.store is not None and not options.fix and paths is None and known is None:
            # A plain run: its findings may be served whole from the last run's (`lint.results`).
            flavor = detect_flavor(self.path, self.config.flavor)
            diagnostics = lint_with_results(
                self.snapshot, self.store, self.config, rules, flavor, lambda: self._lint_load(progress)
            )
            linted = self.snapshot.paths()
        else:
            vault = self._lint_load(progress)
            if options.fix:
                fixes = fix_vault(vault, self.config, rules, paths, options.unsafe_fixes, self.snapshot.leftovers)
                vault = fixes.vault
            diagnostics = lint_vault(vault, self.config, rules, paths)
            if known is not None:
                diagnostics = new_findings(diagnostics, known, vault.notes)
            linted = tuple(p for p in vault.notes if paths is None or p in paths)
        return LintReport(
            root=str(self.path),
            files=len(linted),
            diagnostics=diagnostics,
            paths=linted,
            rules=tuple(rules),
            fixes=fixes,
        )

    def plan_fixes(self, options: LintOptions | None = None, *, progress: ParseProgress | None = None) -> FixResult:
        """What `lint --fix` would change, without writing anything (`lint.fix.unified_diff` shows it)."""
        options = options or LintOptions()
        from vaultgraph.lint.engine import select_rules
        from vaultgraph.lint.fix import plan_fixes

        rules = select_rules(self.config, _selection(options))
        paths = self._paths(options)
        return plan_fixes(self._lint_load(progress), self.config, rules, paths, options.unsafe_fixes)

    def write_baseline(
        self, target: Path, options: LintOptions | None = None, *, progress: ParseProgress | None = None
    ) -> int:
        """Record every current finding in `target` (see `lint.baseline`); returns how many."""
        options = options or LintOptions()
        from vaultgraph.lint.baseline import write_baseline
        from vaultgraph.lint.engine import lint_vault, select_rules

        rules = select_rules(self.config, _selection(options))
        paths = self._paths(options)
        vault = self._lint_load(progress)
        return write_baseline(target, lint_vault(vault, self.config, rules, paths), vault.notes)

    def note_path(self, file: str | os.PathLike[str]) -> str | None:
        """The vault-relative path of the note at `file` (as the walk names it), or None when the file is
        not one of the vault's notes (not `.md`, in a hidden folder, excluded, or outside the vault)."""
        snapshot = self.snapshot
        real = Path(file).resolve()
        on_disk = [(rel, path) for rel, path in snapshot.notes] + [
            (rel, self.path / rel) for rel, _ in snapshot.special
        ]
        return next((rel for rel, path in on_disk if path.resolve() == real), None)

    def _paths(self, options: LintOptions) -> set[str] | None:
        """The notes to report on: those of `options.paths` and `options.changed`; None for all."""
        from vaultgraph.lint.changed import changed_paths

        paths = changed_paths(self.path, options.changed) if options.changed is not None else None
        if options.paths is not None:
            paths = set(options.paths) if paths is None else paths & set(options.paths)
        return paths

    def _lint_load(self, progress: ParseProgress | None) -> Vault:
        # No lint rule reads concept terms; with the findings memo most notes are barely read at all.
        return self.load(progress=progress, skip=("terms",), lazy=True)


def vault_root(file: str | os.PathLike[str]) -> Path:
    """The vault a note file belongs to: the nearest folder at or above it that has `.obsidian/`, a
    vaultgraph config (`vaultgraph.toml`, `.vaultgraph.toml`, `[tool.vaultgraph]` in `pyproject.toml`)
    or `.git`; else the file's own folder. What `vaultgraph lint FILE...` lints each file against."""
    from vaultgraph.config import find_config

    folder = Path(file).resolve().parent
    found = find_config(folder)
    config_folder = found[0].parent if found is not None else None
    for candidate in (folder, *folder.parents):
        if (candidate / ".obsidian").is_dir() or (candidate / ".git").exists() or candidate == config_folder:
            return candidate
    return folder


def _selection(options: LintOptions) -> Selection:
    from vaultgraph.lint.engine import Selection

    return Selection(
        select=tuple(options.select) if options.select is not None else None,
        extend_select=tuple(options.extend_select),
        ignore=tuple(options.ignore),
    )


def lint(
    path: str | os.PathLike[str],
    *,
    config: str | os.PathLike[str] | None = None,
    cache: bool = True,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fix: bool = False,
    unsafe_fixes: bool = False,
    changed: str | None = None,
    baseline: str | os.PathLike[str] | None = None,
    paths: Collection[str] | None = None,
) -> LintReport:
    """Lint the vault at `path`; the options are `vaultgraph lint`'s (see `LintOptions`)."""
    options = LintOptions(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        changed=changed,
        baseline=Path(baseline) if baseline is not None else None,
        paths=paths,
    )
    return Workspace.open(path, config=config, cache=cache).lint(options)


def concepts(
    path: str | os.PathLike[str], *, config: str | os.PathLike[str] | None = None, cache: bool = True
) -> list[Concept]:
    """The concepts of the vault at `path`, most salient first."""
    return Workspace.open(path, config=config, cache=cache).concepts


def graph(
    path: str | os.PathLike[str], *, config: str | os.PathLike[str] | None = None, cache: bool = True
) -> nx.MultiDiGraph:
    """The knowledge graph of the vault at `path` (`networkx.MultiDiGraph`, node ids as in the README)."""
    return Workspace.open(path, config=config, cache=cache).graph
