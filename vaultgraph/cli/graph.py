"""`vaultgraph graph`: the knowledge graph as an interactive map (HTML) or as data (JSON, GraphML, GEXF).

Filters, applied before anything is written:
  --kind KIND           keep only nodes of these kinds (repeatable: --kind concept --kind week)
  --series S            keep only what happens in weeks of series S
  --week-from/--week-to keep only what happens between two weeks of one series (`N`, `SERIES/N` or
                        `YYYY-Www`, as `series.select` reads them)
A week filter keeps the nodes seen in at least one of the chosen weeks; notes without a week drop out.
A selection that matches nothing (an unknown series, a reversed range) is an error, and nothing is written.

The HTML map opens on the concept map, the `--top N` most salient concepts (`[graph] top`, 60),
and has the notes map a click away (notes, weeks, tags of two notes or more, missing notes).
`--max-nodes N` caps each of its views (`[graph] max-nodes`, 300; 0: no cap) and the page says
what it left out. Data exports keep everything unless `--max-nodes N` is given: then the N most
salient nodes.
Output goes to `-o FILE` (`-` for standard output), by default `vaultgraph.<format>` in the current folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from vaultgraph.cli.common import cache_option, config_option, open_workspace, path_argument
from vaultgraph.cli.output import write_output
from vaultgraph.collector import collector_paused
from vaultgraph.errors import UsageError
from vaultgraph.graph.kinds import NODE_KINDS

FORMATS = ("html", "json", "graphml", "gexf")

# `graph.settings`' COLOR_BY and MAX_TOP, known without importing the config (tests/test_cli_startup.py
# keeps them equal): `vaultgraph --help` loads no parser.
COLOR_BY = ("kind", "community")
MAX_TOP = 500


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
    help="Keep the N most salient nodes, 0 for all (map: per view, default 300; exports: all).",
)
@click.option(
    "--top",
    type=click.IntRange(1, MAX_TOP),
    help="How many of the most salient concepts the concept map shows (default 60).",
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
    top: int | None,
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
        from vaultgraph.graph.settings import graph_settings

        settings = graph_settings(workspace.config.sections)
        full = workspace.graph
        weeks = workspace.select_weeks(week_from, week_to, series)
        chosen = filter_graph(full, kinds, weeks) if kinds or weeks is not None else full
        if kinds and not chosen.number_of_nodes() and full.number_of_nodes():
            present = sorted({kind for _, kind in full.nodes(data="kind")})
            raise UsageError(
                f"no {'/'.join(kinds)} node matches the filters (kinds in this vault: {', '.join(present)})"
            )
        if output_format == "html":
            from vaultgraph.render.html import map_data, render_page

            message = "" if chosen.number_of_nodes() else f"No notes found in {path}."
            workspace.step("laying out the map")
            data = map_data(
                chosen,
                workspace.vault,
                top=top or settings["top"],
                max_nodes=settings["max-nodes"] if max_nodes is None else max_nodes,
                color_by=color_by or settings["color-by"],
                message=message,
            )
            pieces: Iterable[str] = [render_page(data)]
            summary = _map_summary(data["views"])
        else:
            shown, left_out = most_salient(chosen, max_nodes or 0)
            pieces = export_pieces(shown, output_format)
            left = f", {left_out} left out (--max-nodes N to change)" if left_out else ""
            summary = f"{shown.number_of_nodes()} nodes, {shown.number_of_edges()} edges{left}"
        target = output or Path(f"vaultgraph.{output_format}")
        if output_format != "html":
            workspace.step(f"writing {output_format.upper()}")
        write_output(target, pieces)
    if str(target) == "-":
        return
    click.echo(f"wrote {target} ({summary})", err=True)  # stdout may be the output itself (-o /dev/stdout)
    if open_browser:
        import webbrowser

        if _has_display() and webbrowser.open(target.resolve().as_uri()):
            return
        click.echo(f"no browser available; open this file: {target.resolve()}", err=True)


def _map_summary(views: dict) -> str:
    """`60 of 1732 concepts on the concept map, 79 of 154 nodes on the notes map`."""
    parts = []
    for name, what in (("concepts", "concepts on the concept map"), ("notes", "nodes on the notes map")):
        shown = len(views[name]["nodes"])
        total = shown + views[name]["leftOut"]
        parts.append(f"{shown} {what}" if shown == total else f"{shown} of {total} {what}")
    return ", ".join(parts)


COMMANDS = (graph,)
