"""`vaultgraph concepts`: the vault's concepts, most salient first, as a table or JSON; `--explain TERM`
says why one term got its score or why it was dropped."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from vaultgraph.cli.common import cache_option, config_option, open_workspace, path_argument

if TYPE_CHECKING:
    from vaultgraph.model import Concept


def concepts_json(concepts: list[Concept]) -> str:
    """The JSON contract (README): `{"concepts": [{key, label, score, count, variants, notes, weeks}]}`."""
    rows = [
        {
            "key": c.key,
            "label": c.label,
            "score": round(c.score, 3),
            "count": c.count,
            "variants": c.variants,
            "notes": c.notes,
            "weeks": c.weeks,
        }
        for c in concepts
    ]
    import json

    return json.dumps({"concepts": rows}, ensure_ascii=False, indent=2)


TEXT_TOP = 50  # a table longer than this is a wall nobody reads; JSON keeps all


def concepts_table(concepts: list[Concept]) -> str:
    """A plain aligned table: rank, score, count, notes, weeks, label and the other spellings seen."""
    if not concepts:
        return "no concepts found"
    width = max(len(c.label) for c in concepts)
    lines = [f"{'#':>4}  {'score':>9}  {'count':>5}  {'notes':>5}  {'weeks':>5}  {'concept':<{width}}  variants"]
    for rank, c in enumerate(concepts, 1):
        others = ", ".join(v for v in c.variants if v != c.label)
        lines.append(
            f"{rank:>4}  {c.score:>9.3f}  {c.count:>5}  {len(c.notes):>5}  {len(c.weeks):>5}  "
            f"{c.label:<{width}}  {others}".rstrip()
        )
    return "\n".join(lines)


@click.command()
@path_argument
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    help=f"Show the N most salient concepts; 0: all (default: {TEXT_TOP} in text, all in JSON, or [concepts] top).",
)
@click.option(
    "--explain",
    metavar="TERM",
    help="Say why TERM got its score (counts, notes, weeks, general frequency, sources) or why it was dropped.",
)
@config_option
@cache_option
def concepts(
    path: Path, output_format: str, top: int | None, explain: str | None, config_file: Path | None, no_cache: bool
) -> int:
    """List the concepts of the notes in PATH, most salient first."""
    if explain is not None:
        return _explain(path, config_file, no_cache, explain)
    with open_workspace(path, config_file, no_cache, 1) as workspace:
        found = workspace.concepts
    configured = workspace.config.sections.get("concepts", {}).get("top")
    limit = top if top is not None else configured or (TEXT_TOP if output_format == "text" else 0)
    shown = found[:limit] if limit else found
    if output_format == "json":
        click.echo(concepts_json(shown))
        return 0
    click.echo(concepts_table(shown))
    if len(shown) < len(found):
        click.echo(f"({len(shown)} of {len(found)} concepts; --top 0 shows all)")
    return 0


def _explain(path: Path, config_file: Path | None, no_cache: bool, term: str) -> int:
    from vaultgraph.concepts.build import rank_concepts
    from vaultgraph.concepts.explain import describe

    with open_workspace(path, config_file, no_cache, 1) as workspace:
        workspace.step("finding concepts")
        ranking = rank_concepts(workspace.vault, workspace.config)
    found = ranking.find(term)
    if found is None:
        import difflib

        close = difflib.get_close_matches(term.casefold(), [c.key for c in ranking.candidates.values()], n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        click.echo(f"vaultgraph: {term!r} is not a term of any note in {path}{hint}", err=True)
        return 1
    rank = next((i for i, c in enumerate(ranking.concepts, 1) if c.key == found.key), None)
    where = f"#{rank} of {len(ranking.concepts)} concepts" if rank else "not a concept"
    lines = describe(found)
    click.echo("\n".join([f"{lines[0]}  {where}", *lines[1:]]))
    return 0


COMMANDS = (concepts,)
