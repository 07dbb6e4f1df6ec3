"""`vaultgraph graph`: the knowledge graph as an interactive map (HTML) or as data (JSON, GraphML, GEXF).

Filters, applied before anything is written:
  --kind KIND           keep only nodes of these kinds (repeatable: --kind concept --kind week)
  --series S            keep only what happens in weeks of series S
  --week-from/--week-to keep only what happens between two weeks of one series (`N`, `SERIES/N` or
                        `YYYY-Www`, as `series.select` reads them)
A week filter keeps the nodes seen in at least one of the chosen weeks; notes without a week drop out.
A selection that matches nothing (an unknown series, a reversed range) is an error, and nothing is written.

`--max-nodes N` keeps the N most salient nodes (0: all). By default the HTML map shows its core
(notes, weeks, shared tags, recurring concepts first; `graph.select.map_core`) capped by the `[graph]`
`max-nodes` setting (300), and says how many it left out; data exports keep everything unless it is given.
Output goes to `-o FILE` (`-` for standard output), by default `vaultgraph.<format>` in the current folder.
"""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Iterable
from pathlib import Path

import click

from vaultgraph.cli.common import cache_option, config_option, open_workspace, path_argument
from vaultgraph.cli.output import write_output
from vaultgraph.collector import collector_paused
from vaultgraph.graph.kinds import NODE_KINDS
from vaultgraph.graph.settings import COLOR_BY, graph_settings

FORMATS = ("html", "json", "graphml", "gexf")


def _has_display() -> bool:
    """Whether `webbrowser` can reach a graphical browser (on a bare Linux console it would start lynx)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@click.command()
@path_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write ('-' for standard output; default: vaultgraph.FORMAT here).",
)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="html", show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the map in the default browser.")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    help="Keep the N most salient nodes, 0 for all (map default: its core, at most 300; exports: all).",
)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(NODE_KINDS), help="Keep only nodes of this kind.")
@click.option("--series", help="Keep only what happens in weeks of this series.")
@click.option("--week-from", help="First week to keep: N, SERIES/N or YYYY-Www (e.g. boostcamp/2).")
@click.option("--week-to", help="Last week to keep: N, SERIES/N or YYYY-Www (e.g. boostcamp/5).")
@click.option("--color-by", type=click.Choice(COLOR_BY), help="What the map colours nodes by at first.")
@config_option
@cache_option
def graph(
    path: Path,
    output: Path | None,
    output_format: str,
    open_browser: bool,
    max_nodes: int | None,
    kinds: tuple[str, ...],
    series: str | None,
    week_from: str | None,
    week_to: str | None,
    color_by: str | None,
    config_file: Path | None,
    no_cache: bool,
) -> None:
    """Build the knowledge graph of PATH and write it as a map or as data."""
    # Imported here, not at the top: networkx and pyvis (which pulls in IPython) cost every other
    # command half a second of start-up.
    from vaultgraph.graph.export import export_pieces
    from vaultgraph.graph.select import filter_graph, most_salient

    with open_workspace(path, config_file, no_cache, 3) as workspace, collector_paused():
        settings = graph_settings(workspace.config.sections)
        full = workspace.graph
        weeks = workspace.select_weeks(week_from, week_to, series)
        chosen = filter_graph(full, kinds, weeks) if kinds or weeks is not None else full
        limit = max_nodes if max_nodes is not None else (settings["max-nodes"] if output_format == "html" else 0)
        shown, left_out = most_salient(chosen, limit, core=output_format == "html" and max_nodes is None)
        if output_format == "html":
            from vaultgraph.render.html import render_map

            message = (
                ""
                if shown.number_of_nodes()
                else f"No notes found in {path}."
                if not workspace.vault.notes
                else "No nodes match the filters."
            )
            pieces: Iterable[str] = [
                render_map(shown, path, left_out=left_out, message=message, color_by=color_by or settings["color-by"])
            ]
        else:
            pieces = export_pieces(shown, output_format)
        target = output or Path(f"vaultgraph.{output_format}")
        workspace.step(f"writing {output_format.upper()}")
        write_output(target, pieces)
    if str(target) == "-":
        return
    left = f", {left_out} left out (--max-nodes N to change)" if left_out else ""
    click.echo(f"wrote {target} ({shown.number_of_nodes()} nodes, {shown.number_of_edges()} edges{left})")
    if open_browser:
        if _has_display() and webbrowser.open(target.resolve().as_uri()):
            return
        click.echo(f"no browser available; open this file: {target.resolve()}")


COMMANDS = (graph,)
