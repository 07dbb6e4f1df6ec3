"""`vaultgraph timeline` and `vaultgraph report`: concepts across weeks, and one week's report.

`timeline` prints a concept x week table (text, `--width` columns wide), the timeline as JSON, or
writes a heatmap page (html; default file `vaultgraph-timeline.html`); `--series`, `--week-from` and
`--week-to` keep part of it. `report` prints one week's report as Markdown (append it to
`$GITHUB_STEP_SUMMARY` or paste it into next week's note) or JSON. Weeks are written as
`series.select` says (`N`, `SERIES/N`, `YYYY-Www`); a selection that matches nothing is a usage
error: one line naming the weeks that do exist, exit 2, nothing written. A vault in which no note
has a week gives an empty report (exit 0) unless a week was asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from vaultgraph.cli.common import cache_option, config_option, open_workspace, path_argument
from vaultgraph.cli.output import write_output

# The renderers are imported when a command runs (`vaultgraph --help` loads no parser); these are
# `render.timeline_text`'s DEFAULT_WIDTH and MIN_WIDTH (tests/test_cli_startup.py keeps them equal).
DEFAULT_WIDTH, MIN_WIDTH = 100, 60
DEFAULT_HTML = Path("vaultgraph-timeline.html")
NO_WEEKS = "No note in this vault has a week (N주차, week N, front matter week:, or a date): nothing to report."


def _json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


def _write(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        click.echo(text)
        return
    write_output(output, [text if text.endswith("\n") else text + "\n"])
    click.echo(f"wrote {output}", err=True)


@click.command()
@path_argument
@click.option(
    "--format", "output_format", type=click.Choice(("text", "json", "html")), default="text", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"File to write ('-' for standard output; html default: {DEFAULT_HTML}).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Concepts per series in the text table (the most salient ones).",
)
@click.option(
    "--width",
    type=click.IntRange(min=MIN_WIDTH),
    default=DEFAULT_WIDTH,
    show_default=True,
    help="Columns the text table may use; a series with more weeks shows its latest ones.",
)
@click.option("--series", help="Keep only this series.")
@click.option("--week-from", help="First week to keep: N, SERIES/N or YYYY-Www.")
@click.option("--week-to", help="Last week to keep: N, SERIES/N or YYYY-Www.")
@config_option
@cache_option
def timeline(
    path: Path,
    output_format: str,
    output: Path | None,
    top: int,
    width: int,
    series: str | None,
    week_from: str | None,
    week_to: str | None,
    config_file: Path | None,
    no_cache: bool,
) -> None:
    """Show in which weeks each concept of PATH appears: first, last, longest streak, weeks dormant."""
    from vaultgraph.render.heatmap import render_heatmap
    from vaultgraph.render.timeline_text import format_timeline_text
    from vaultgraph.series.select import restrict

    with open_workspace(path, config_file, no_cache, 1) as workspace:
        data = workspace.timeline
        keys = workspace.select_weeks(week_from, week_to, series)
    if keys is not None:
        data = restrict(data, keys)
    if output_format == "json":
        _write(_json(data.to_dict()), output)
    elif output_format == "html":
        _write(render_heatmap(data), output or DEFAULT_HTML)
    else:
        _write(format_timeline_text(data, top=top, width=width), output)


@click.command()
@path_argument
@click.option("--week", help="N, SERIES/N or YYYY-Www (default: the latest week of the longest series).")
@click.option(
    "--format", "output_format", type=click.Choice(("markdown", "json")), default="markdown", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output)."
)
@config_option
@cache_option
def report(
    path: Path, week: str | None, output_format: str, output: Path | None, config_file: Path | None, no_cache: bool
) -> None:
    """Report one week of PATH: new, recurring and dormant concepts, open and carried questions."""
    from vaultgraph.render.weekly_markdown import format_markdown

    with open_workspace(path, config_file, no_cache, 1) as workspace:
        result = workspace.weekly_report(week)
    if result is None:  # no note has a week and none was asked for: nothing to report, not an error
        empty: dict[str, Any] = {
            "week": None,
            "notes": [],
            "days": [],
            "new": [],
            "recurring": [],
            "dormant": [],
            "dormant_more": 0,
            "questions": {"open": [], "carried": []},
        }
        _write(_json(empty) if output_format == "json" else NO_WEEKS, output)
    elif output_format == "json":
        _write(_json(result.to_dict()), output)
    else:
        _write(format_markdown(result), output)


COMMANDS = (timeline, report)
