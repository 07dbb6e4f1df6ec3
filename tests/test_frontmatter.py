"""Table-driven tests for vaultgraph.parse.frontmatter: the block, its YAML or TOML, its problems, list fields."""

from __future__ import annotations

import datetime as dt

import pytest

from vaultgraph.parse.frontmatter import split_front_matter, string_list, tag_list
from vaultgraph.parse.note import split_lines

KST = dt.timezone(dt.timedelta(hours=9))


def front(text: str):
    return split_front_matter(split_lines(text))


# (id, text, data, span, key_lines, body_start)
VALID_CASES = [
    (
        "simple",
        "---\ntitle: 2주차 회고\ntags: [회고, ai]\n---\nbody\n",
        {"title": "2주차 회고", "tags": ["회고", "ai"]},
        (1, 4),
        {"title": 2, "tags": 3},
        4,
    ),
    ("empty-block", "---\n---\nbody", {}, (1, 2), {}, 2),
    ("blank-block", "---\n\n  \n---\n", {}, (1, 4), {}, 4),
    ("dots-closer", "---\ntitle: a\n...\nbody", {"title": "a"}, (1, 3), {"title": 2}, 3),
    ("trailing-spaces", "--- \ntitle: a\n---\t\n", {"title": "a"}, (1, 3), {"title": 2}, 3),
    (
        "crlf",
        "---\r\ntitle: a\r\nweek: 2\r\n---\r\nbody",
        {"title": "a", "week": 2},
        (1, 4),
        {"title": 2, "week": 3},
        4,
    ),
    ("nested-keys-not-top-level", "---\nouter:\n  inner: 1\n---\n", {"outer": {"inner": 1}}, (1, 4), {"outer": 2}, 4),
    ("comment-line", "---\n# note\ntitle: a\n---\n", {"title": "a"}, (1, 4), {"title": 3}, 4),
    ("quoted-key", '---\n"my key": 1\n---\n', {"my key": 1}, (1, 3), {"my key": 2}, 3),
    ("non-string-key", "---\n2: two\n---\n", {"2": "two"}, (1, 3), {"2": 2}, 3),
    ("second-block-is-body", "---\na: 1\n---\n---\nb: 2\n---\n", {"a": 1}, (1, 3), {"a": 2}, 3),
    # TOML between `+++` lines (Hugo)
    (
        "toml-hugo",
        '+++\ntitle = "JPA N+1 문제 정리"\ndate = 2024-03-05T10:00:00+09:00\ntags = ["JPA", "우테코"]\n+++\nbody\n',
        {"title": "JPA N+1 문제 정리", "date": dt.datetime(2024, 3, 5, 10, 0, tzinfo=KST), "tags": ["JPA", "우테코"]},
        (1, 5),
        {"title": 2, "date": 3, "tags": 4},
        5,
    ),
    ("toml-empty-block", "+++\n+++\nbody", {}, (1, 2), {}, 2),
    ("toml-trailing-spaces-crlf", "+++ \r\nweek = 2\r\n+++\t\r\nbody", {"week": 2}, (1, 3), {"week": 2}, 3),
    ("toml-dashes-inside-are-toml", '+++\na = """\n---\n"""\n+++\n', {"a": "---\n"}, (1, 5), {"a": 2}, 5),
    (
        "toml-quoted-and-dotted-keys",
        '+++\n"my key" = 1\n\'lit\' = 2\nsite.name = "x"\n+++\n',
        {"my key": 1, "lit": 2, "site": {"name": "x"}},
        (1, 5),
        {"my key": 2, "lit": 3, "site": 4},
        5,
    ),
    (
        "toml-tables-are-top-level-keys",
        '+++\ntitle = "a"\n# a comment\n[params]\nauthor = "b"\n[[menu.main]]\nname = "c"\n+++\n',
        {"title": "a", "params": {"author": "b"}, "menu": {"main": [{"name": "c"}]}},
        (1, 8),
        {"title": 2, "params": 4, "menu": 6},
        8,
    ),
    (
        "toml-multiline-string-lines-are-no-keys",
        "+++\nsummary = '''\nfake = 1\n[fake]\n'''\nweek = 3\n+++\n",
        {"summary": "fake = 1\n[fake]\n", "week": 3},
        (1, 7),
        {"summary": 2, "week": 6},
        7,
    ),
    (
        "toml-multiline-array-rows-are-no-tables",
        "+++\nmatrix = [\n  [1, 2],\n]\nweek = 3\n+++\n",
        {"matrix": [[1, 2]], "week": 3},
        (1, 6),
        {"matrix": 2, "week": 5},
        6,
    ),
    ("toml-second-block-is-body", "+++\na = 1\n+++\n+++\nb = 2\n+++\n", {"a": 1}, (1, 3), {"a": 2}, 3),
]


@pytest.mark.parametrize(
    "text,data,span,key_lines,body_start", [c[1:] for c in VALID_CASES], ids=[c[0] for c in VALID_CASES]
)
def test_valid_front_matter(
    text: str, data: dict, span: tuple[int, int], key_lines: dict[str, int], body_start: int
) -> None:
    result = front(text)
    assert result.problem is None
    assert (result.data, result.span, result.key_lines, result.body_start) == (data, span, key_lines, body_start)


@pytest.mark.parametrize(
    "text",
    [
        "no front matter\n---\na: 1\n---\n",
        "",
        "\n---\na: 1\n---\n",
        "----\na: 1\n----\n",
        " ---\na: 1\n---\n",
        "++++\na = 1\n++++\n",
        " +++\na = 1\n+++\n",
        "text\n+++\na = 1\n+++\n",
    ],
)
def test_no_front_matter(text: str) -> None:
    result = front(text)
    assert (result.data, result.span, result.problem, result.body_start) == ({}, None, None, 0)


# (id, text, line, column, words in the message)
PROBLEM_CASES = [
    ("unclosed", "---\ntitle: a\nbody\n", 1, 1, "not closed"),
    ("only-opener", "---", 1, 1, "not closed"),
    ("unclosed-flow-list", "---\ntitle: a\ntags: [x, y\ndate: 2023-01-01\n---\n", 4, 5, "invalid YAML"),
    ("mapping-in-value", "---\na: 1\nb: c: d\n---\n", 3, 5, "invalid YAML"),
    ("tab-indent", "---\na: 1\n\tb: 2\n---\n", 3, 1, "invalid YAML"),
    ("bad-indent", "---\n  a: 1\n b: 2\n---\n", 3, 2, "invalid YAML"),
    ("unterminated-quote", '---\ntitle: "x\n---\nbody\n', 2, 10, "invalid YAML"),
    ("crlf-error-line", "---\r\na: 1\r\nb: : x\r\n---\r\n", 3, 4, "invalid YAML"),
    ("list", "---\n- a\n- b\n---\n", 2, 1, "not a mapping"),
    ("scalar", "---\njust a sentence\n---\n", 2, 1, "not a mapping"),
    ("impossible-date", "---\ndate: 2023-02-30\n---\n", 1, 1, "invalid YAML"),
    ("yaml-block-is-not-closed-by-pluses", "---\ntitle: a\n+++\nbody\n", 1, 1, "no `---` line"),
    # TOML: the line and column tomllib reports, moved to the file's lines
    ("toml-unclosed", '+++\ntitle = "a"\nbody\n', 1, 1, "no `+++` line"),
    ("toml-block-is-not-closed-by-dashes", '+++\ntitle = "a"\n---\nbody\n', 1, 1, "no `+++` line"),
    ("toml-yaml-syntax", "+++\ntitle: a\n+++\n", 2, 6, "invalid TOML"),
    ("toml-bare-string", '+++\ntitle = "a"\nauthor = kim\n+++\n', 3, 10, "invalid TOML"),
    ("toml-unclosed-array", '+++\ntags = ["a",\ndate = 2024-03-05\n+++\n', 3, 1, "invalid TOML"),
    ("toml-duplicate-key", "+++\na = 1\na = 2\n+++\n", 3, 6, "invalid TOML"),
    ("toml-impossible-date", "+++\ndate = 2023-02-30\n+++\n", 2, 8, "invalid TOML"),
    ("toml-unterminated-string-at-end", '+++\na = 1\nb = """x\n+++\n', 3, 1, "invalid TOML"),
    ("toml-hugo-archetype-placeholder", "+++\ndate = {{ .Date }}\n+++\n", 2, 9, "invalid TOML"),
    ("toml-crlf-error-line", "+++\r\na = 1\r\nb = = 2\r\n+++\r\n", 3, 5, "invalid TOML"),
]


@pytest.mark.parametrize("text,line,column,words", [c[1:] for c in PROBLEM_CASES], ids=[c[0] for c in PROBLEM_CASES])
def test_front_matter_problems(text: str, line: int, column: int, words: str) -> None:
    result = front(text)
    assert result.problem is not None
    assert result.problem.code == "VG201"
    assert (result.problem.line, result.problem.column) == (line, column)
    assert words in result.problem.message and "\n" not in result.problem.message
    assert result.data == {}  # never a half-read dict that looks valid


@pytest.mark.parametrize("text", ["---\na: [\n---\n# body\n", "+++\na = [\n+++\n# body\n"])
def test_invalid_block_still_reports_the_block_span(text: str) -> None:
    result = front(text)
    assert result.span == (1, 3) and result.body_start == 3


def test_toml_error_message_names_no_position_twice() -> None:
    problem = front("+++\ntitle: a\n+++\n").problem
    assert problem is not None and "(at line" not in problem.message and "end of document" not in problem.message


def test_yaml_error_line_points_into_the_raw_file() -> None:
    text = "---\ntitle: ok\nweek: 3\nsummary: |\n  fine\nbroken: [a, b\nlast: x\n---\n"
    problem = front(text).problem
    assert problem is not None
    raw = split_lines(text)
    # The parser notices the missing `]` at the next key: a line inside the block, never the closer.
    assert 6 <= problem.line <= 7 and raw[problem.line - 1] in ("broken: [a, b", "last: x")


YAML_DATE, TOML_DATE = "---\ndate: {}\n---\n", "+++\ndate = {}\n+++\n"
# (id, block, value, expected): TOML's own dates arrive as YAML's do, and a date string as in YAML
DATE_CASES = [
    ("jekyll-kst", YAML_DATE, "2022-10-14 18:00:00 +0900", dt.datetime(2022, 10, 14, 18, 0, tzinfo=KST)),
    ("jekyll-colon-zone", YAML_DATE, "2022-10-14 18:00:00 +09:00", dt.datetime(2022, 10, 14, 18, 0, tzinfo=KST)),
    ("no-seconds", YAML_DATE, "2022-10-14 9:05 +0900", dt.datetime(2022, 10, 14, 9, 5, tzinfo=KST)),
    ("utc-z", YAML_DATE, "2022-10-14T18:00:00Z", dt.datetime(2022, 10, 14, 18, 0, tzinfo=dt.UTC)),
    ("naive", YAML_DATE, "2022-10-14 18:00", dt.datetime(2022, 10, 14, 18, 0)),
    ("yaml-date", YAML_DATE, "2022-10-14", dt.date(2022, 10, 14)),
    ("not-a-date", YAML_DATE, "sometime in 2022", "sometime in 2022"),
    ("bad-hour", YAML_DATE, "2022-10-14 25:00:00 +0900", "2022-10-14 25:00:00 +0900"),
    ("toml-offset-datetime", TOML_DATE, "2024-03-05T10:00:00+09:00", dt.datetime(2024, 3, 5, 10, 0, tzinfo=KST)),
    ("toml-space-separated", TOML_DATE, "2024-03-05 10:00:00Z", dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.UTC)),
    ("toml-local-datetime", TOML_DATE, "2024-03-05T10:00:00", dt.datetime(2024, 3, 5, 10, 0)),
    ("toml-local-date", TOML_DATE, "2024-03-05", dt.date(2024, 3, 5)),
    ("toml-local-time", TOML_DATE, "10:00:00", dt.time(10, 0)),
    ("toml-jekyll-string", TOML_DATE, '"2024-03-05 10:00:00 +0900"', dt.datetime(2024, 3, 5, 10, 0, tzinfo=KST)),
    ("toml-plain-string", TOML_DATE, '"sometime"', "sometime"),
]


@pytest.mark.parametrize("block,value,expected", [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES])
def test_dates(block: str, value: str, expected: object) -> None:
    result = front(block.format(value))
    assert result.problem is None
    assert result.data["date"] == expected
    assert type(result.data["date"]) is type(expected)


# (id, value, string_list, tag_list)
LIST_CASES = [
    ("list", ["회고", "boostcamp"], ["회고", "boostcamp"], ["회고", "boostcamp"]),
    ("string", "회고", ["회고"], ["회고"]),
    ("comma-string", "회고, ai/pytorch", ["회고, ai/pytorch"], ["회고", "ai/pytorch"]),
    ("space-string", "a b  #c", ["a b  #c"], ["a", "b", "c"]),
    ("list-of-lists", [["a", "b"], ["c"]], ["a", "b", "c"], ["a", "b", "c"]),
    ("list-item-with-space-stays-whole", ["a b"], ["a b"], ["a b"]),
    ("hash-in-list", ["#tag"], ["#tag"], ["tag"]),
    ("none", None, [], []),
    ("none-items", [None, "", "  ", "x"], ["x"], ["x"]),
    ("numbers", [2022, 1.5], ["2022", "1.5"], ["2022", "1.5"]),
    ("number-scalar", 7, ["7"], ["7"]),
    ("booleans-dropped", [True, "x"], ["x"], ["x"]),
    ("mapping-dropped", {"a": 1}, [], []),
    ("nfd-to-nfc", ["\u1112\u1161\u11ab"], ["한"], ["한"]),
    ("too-deep", [[[[[[["x"]]]]]], "y"], ["y"], ["y"]),
]


@pytest.mark.parametrize("value,strings,tags", [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES])
def test_string_and_tag_lists(value: object, strings: list[str], tags: list[str]) -> None:
    assert string_list(value) == strings
    assert tag_list(value) == tags
