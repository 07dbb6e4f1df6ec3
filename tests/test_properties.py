"""Property-based tests: random notes built from realistic Obsidian/Markdown pieces.

Properties: nothing raises (parse, lint with every rule, concepts, graph, and every command); every finding
points inside its file; `lint --format json` is byte-identical run after run, with and without the parse
cache, and so is every other command's output; after edits, a cached run prints what a fresh one prints;
`--fix` changes only the spans of the findings it fixes and a second `--fix` has nothing to do.

Settings are derandomized (the same examples on every run, so CI is deterministic) and sized to keep
this file well under a minute; `pytest --hypothesis-show-statistics` prints how many examples ran.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from vaultgraph.cli import cli
from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.lint import fix as fix_module
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.lint.fix import fix_vault, plan_fixes
from vaultgraph.model import Diagnostic, Vault
from vaultgraph.parse.lines import LINE_END, split_lines
from vaultgraph.parse.note import parse_note
from vaultgraph.vault.load import load_vault

FAST = settings(
    max_examples=800,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VAULT = settings(FAST, max_examples=150)

NOTE_PATHS = ("week1.md", "Week 2 회고.md", "concepts/LSTM.md", "한글노트.md")
TARGETS = (
    "week1",
    "Week 2 회고",
    "LSTM",
    "concepts/LSTM",
    "한글노트",
    "missing",
    "img.png",
    "../../etc/passwd",
    "week1#배운 점",
    "LSTM#^blk-1",
    "#배운 점",
    "",
)
WORDS = (
    "LSTM",
    "lstm이",
    "pytorch의",
    "Batch Normalization",
    "KL Divergence",
    "텐서",
    "모델을",
    "학습했다",
    "회고",
    "배운 점",
    "gradient",
    "transformer는",
    "1.5",
    "x.com/#a",
    "https://example.com/#b",
    "a\\|b",
    "<script>alert(1)</script>",
    "&amp;",
    "*",
    "_",
    "~~",
    "==",
    "|",
    "[",
    "]",
    "(",
    ")",
    "^blk-1",
)

word = st.sampled_from(WORDS)
target = st.sampled_from(TARGETS)
inline = st.one_of(
    word,
    target.map(lambda t: f"[[{t}]]"),
    st.tuples(target, word).map(lambda p: f"[[{p[0]}|{p[1]}]]"),
    target.map(lambda t: f"![[{t}]]"),
    st.tuples(word, target).map(lambda p: f"[{p[0]}]({p[1].replace(' ', '%20')}.md)"),
    st.sampled_from(["[[]]", "[t]()", "[[", "]]", "![[", "[x](<a b.md>)", "[[a\\|b]]"]),
    st.sampled_from(["#tag", "#태그/하위", "#123", "#회고", "#a/b/", "##"]),
    word.map(lambda w: f"**{w}**"),
    word.map(lambda w: f"**{w}(term)**를"),
    word.map(lambda w: f"*{w}*"),
    word.map(lambda w: f"=={w}=="),
    word.map(lambda w: f"`{w}`"),
    st.sampled_from(["$x^2$", "$$", "$a", "$$y$$"]),
    word.map(lambda w: f"%% {w} %%"),
    word.map(lambda w: f"<!-- {w} -->"),
    st.sampled_from(
        [
            "<!-- vaultgraph-disable-next-line VG101 -->",
            "%% vaultgraph-disable VG303 %%",
            "<!-- vaultgraph-enable -->",
            "<!-- vaultgraph-disable-file -->",
        ]
    ),
    st.sampled_from(["  ", "\t", " ", "\u00a0", "\u3000"]),
)
line_text = st.lists(inline, max_size=6).map(" ".join)
block = st.one_of(
    line_text,
    st.tuples(st.integers(1, 7), line_text).map(lambda p: "#" * p[0] + " " + p[1]),
    st.tuples(st.integers(0, 3), st.sampled_from(["-", "*", "+", "1.", "2)", "- [ ]", "- [x]"]), line_text).map(
        lambda p: "  " * p[0] + p[1] + (" " + p[2] if p[2] else "")
    ),
    line_text.map(lambda t: "> " + t),
    st.sampled_from(
        [
            "```",
            "```python",
            "~~~",
            "$$",
            "---",
            "***",
            "===",
            "|a|b|\n|-|-|\n|[[week1\\|w]]|z|",
            "    indented code [[not-a-link]]",
            "%%",
            "<div>",
            "</div>",
            "<!--",
            "-->",
            "",
        ]
    ),
)
front_matter = st.one_of(
    st.just(""),
    st.sampled_from(
        [
            "---\ntitle: 2주차 회고\ntags: [회고, ml]\naliases: [W2]\ndate: 2022-10-14 18:00:00 +0900\n---",
            "---\nweek: 3\nseries: boostcamp\ntags: 회고, pytorch\n---",
            "---\ntitle: [unclosed\n---",
            "---\ntitle: x",
            "---\n---",
            "---\n- a\n---",
            "---\ntags: [[a, b], c]\n---",
            "---\nvaultgraph-disable: [VG205]\ntitle: other\n---",
        ]
    ),
)


@st.composite
def note_bytes(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [draw(front_matter), *draw(st.lists(block, max_size=12))]
    text = "\n".join(part for part in lines if part).replace("\n", newline)
    if draw(st.booleans()):
        text += newline
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp949"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # a character CP949 cannot hold: the note stays UTF-8
        return text.encode("utf-8")


vault_files = st.dictionaries(st.sampled_from(NOTE_PATHS), note_bytes(), min_size=1, max_size=4)


@contextmanager
def written(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        yield root


ALL_RULES = select_rules(Config(), Selection(select=("ALL",)))


def assert_inside(vault: Vault, diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        note = vault.notes[d.path]
        lines = split_lines(note.text)
        assert 1 <= d.line <= d.end_line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d
        for edit in d.edits:
            assert 1 <= edit.line <= edit.end_line <= len(lines) + 1, (d, edit)


@FAST
@given(data=note_bytes())
@example(data="\u00a0\nLSTM [[week1]]".encode())  # found by this test: NBSP-only lines shifted positions up
@example(data="- \u3000\n  [[week1]]\r\n".encode())
def test_parse_never_raises_and_positions_are_in_the_file(data: bytes) -> None:
    note = parse_note("a.md", data)
    lines = split_lines(note.text)
    spans = [(link.span.line, link.span.column, link.span.end_line, link.span.end_column) for link in note.links]
    spans += [(t.line, t.column, t.line, t.column) for t in note.tags if t.source == "inline"]
    spans += [(i.line, i.column, i.line, i.marker_end) for i in note.list_items]
    for line, column, end_line, end_column in spans:
        assert 1 <= line <= end_line <= len(lines)
        assert 1 <= column <= len(lines[line - 1]) + 1
        assert 1 <= end_column <= len(lines[end_line - 1]) + 1
    assert all(1 <= h.line <= len(lines) for h in note.headings)


@VAULT
@given(files=vault_files)
def test_lint_concepts_and_graph_never_raise_and_findings_are_in_their_files(files: dict[str, bytes]) -> None:
    with written(files) as root:
        vault = load_vault(root)
        diagnostics = lint_vault(vault, Config(), ALL_RULES)
        event(f"codes found: {min(len({d.code for d in diagnostics}), 5)}+")
        assert_inside(vault, diagnostics)
        concepts = build_concepts(vault, Config())
        graph = build_graph(vault, Config(), concepts)
        assert all(f"note:{path}" in graph for path in vault.notes)


@settings(VAULT, max_examples=75)
@given(files=vault_files)
def test_lint_json_is_byte_identical_run_after_run_with_and_without_cache(files: dict[str, bytes]) -> None:
    with written(files) as root, tempfile.TemporaryDirectory() as cache_home:
        runner = CliRunner(env={"XDG_CACHE_HOME": cache_home})
        args = ["lint", "--format", "json", "--select", "ALL", str(root)]
        outputs = [runner.invoke(cli, [*args, "--no-cache"]), runner.invoke(cli, args), runner.invoke(cli, args)]
        assert {r.exit_code for r in outputs} <= {0, 1}, outputs[0].output
        assert outputs[0].stdout_bytes == outputs[1].stdout_bytes == outputs[2].stdout_bytes


@settings(VAULT, max_examples=60)
@given(
    files=vault_files,
    edits=st.lists(st.tuples(st.sampled_from(NOTE_PATHS), st.none() | note_bytes()), min_size=1, max_size=3),
)
def test_lint_after_edits_prints_what_a_fresh_run_prints(
    files: dict[str, bytes], edits: list[tuple[str, bytes | None]]
) -> None:
    """The findings memo never serves a stale finding: after each edit, deletion or new note, a run
    with the cache prints exactly what a run without it prints."""
    with written(files) as root, tempfile.TemporaryDirectory() as cache_home:
        runner = CliRunner(env={"XDG_CACHE_HOME": cache_home})
        args = ["lint", "--format", "json", "--select", "VG0,VG1,VG2,VG3,VG4,VG5", "--ignore", "VG007", str(root)]
        runner.invoke(cli, args)  # VG007 is left out: it turns the memo off
        for rel, data in edits:
            if data is None:
                (root / rel).unlink(missing_ok=True)
            else:
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_bytes(data)
            cached, fresh = runner.invoke(cli, args), runner.invoke(cli, [*args, "--no-cache"])
            assert cached.stdout_bytes == fresh.stdout_bytes


def _offsets(text: str, line: int, column: int) -> int:
    starts = [0, *(m.end() for m in LINE_END.finditer(text))]
    if line > len(starts):
        return len(text)
    end = len(text) if line == len(starts) else LINE_END.search(text, starts[line - 1]).start()  # type: ignore[union-attr]
    return min(starts[line - 1] + column - 1, end)


def _only_inside(old: str, new: str, spans: list[tuple[int, int]]) -> bool:
    """`new` is `old` with something put in place of each (merged) span and nothing changed outside them."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    kept, position = [], 0
    for start, end in merged:
        kept.append(old[position:start])
        position = end
    kept.append(old[position:])
    return re.fullmatch("(?s:.*?)".join(re.escape(piece) for piece in kept), new) is not None


@VAULT
@given(files=vault_files)
def test_fix_changes_only_flagged_spans_and_is_idempotent(files: dict[str, bytes]) -> None:
    rules = select_rules(Config())
    with written(files) as root:
        vault = load_vault(root)
        flagged: dict[str, list[tuple[int, int]]] = {}
        for d in lint_vault(vault, Config(), rules):
            if d.edits and not d.unsafe_fix:
                text = vault.notes[d.path].text
                flagged.setdefault(d.path, []).extend(
                    (_offsets(text, e.line, e.column), _offsets(text, e.end_line, e.end_column)) for e in d.edits
                )
        one_pass = fix_module.MAX_PASSES
        fix_module.MAX_PASSES = 1  # a single pass: its changes must all lie in this lint's flagged spans
        try:
            plan = plan_fixes(vault, Config(), rules)
        finally:
            fix_module.MAX_PASSES = one_pass
        event(f"notes fixed in one pass: {len(plan.changed)}")
        for change in plan.changed:
            assert _only_inside(change.old_text, change.new_text, flagged[change.path]), change.path
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        first = fix_vault(vault, Config(), rules)
        assert first.converged and not first.refused
        after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        assert after.keys() == before.keys()
        assert {p for p in before if before[p] != after[p]} == {root / c.path for c in first.changed}
        again = load_vault(root)
        assert not [d for d in lint_vault(again, Config(), rules) if d.edits and not d.unsafe_fix]
        assert fix_vault(again, Config(), rules).changed == []


OTHER_COMMANDS = [
    ["concepts", "--format", "json"],
    ["graph", "--format", "json", "-o", "-"],
    ["graph", "--format", "graphml", "-o", "-"],
    ["timeline", "--format", "json"],
    ["timeline", "--format", "html", "-o", "-"],
    ["report", "--format", "json"],
]


@settings(VAULT, max_examples=50)
@given(files=vault_files)
def test_every_other_command_exits_cleanly_with_the_same_output_each_time(files: dict[str, bytes]) -> None:
    with written(files) as root, tempfile.TemporaryDirectory() as cache_home:
        runner = CliRunner(env={"XDG_CACHE_HOME": cache_home})
        for args in OTHER_COMMANDS:
            first, second = (runner.invoke(cli, [*args, str(root)]) for _ in range(2))
            assert first.exit_code in (0, 1), (args, first.output)
            assert first.exception is None or isinstance(first.exception, SystemExit), (args, first.exception)
            assert first.stdout_bytes == second.stdout_bytes, args
