"""`vaultgraph concepts`: the vault's concepts, most salient first, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vaultgraph.cli.common import cache_option, config_option, open_workspace, path_argument
from vaultgraph.model import Concept


def concepts_json(concepts: list[Concept]) -> str:
    """The DESIGN.md contract: `{"concepts": [{key, label, score, count, variants, notes, weeks}]}`."""
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
    return json.dumps({"concepts": rows}, ensure_ascii=False, indent=2)


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
    type=click.IntRange(min=1),
    default=None,
    help="Show only the N most salient concepts (default: all, or [concepts] top).",
)
@config_option
@cache_option
def concepts(path: Path, output_format: str, top: int | None, config_file: Path | None, no_cache: bool) -> None:
    """List the concepts of the notes in PATH, most salient first."""
    with open_workspace(path, config_file, no_cache, 1) as workspace:
        found = workspace.concepts
    limit = top or workspace.config.sections.get("concepts", {}).get("top") or None
    if limit:
        found = found[:limit]
    click.echo(concepts_json(found) if output_format == "json" else concepts_table(found))


COMMANDS = (concepts,)
