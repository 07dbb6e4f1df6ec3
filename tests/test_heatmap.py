"""The heatmap page: self-contained, and note content only as escaped JSON data (static checks)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.render.csp import CSP_PLACEHOLDER, apply_policy, inline_hashes
from vaultgraph.render.heatmap import embed_json, heatmap_data, render_heatmap
from vaultgraph.series.timeline import Timeline, build_timeline

HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & <!--'


def hostile_timeline():
    notes = [Note(path=f"{HOSTILE}/w{n}.md", week=WeekInfo(HOSTILE, n, None, "title")) for n in (1, 3)]
    notes.append(Note(path="d.md", week=WeekInfo(None, None, "2023-W02", "date")))
    concept = Concept(
        key=HOSTILE,
        label=HOSTILE,
        score=1.0,
        count=2,
        occurrences=[
            Occurrence(f"{HOSTILE}/w1.md", 4, HOSTILE, 1, f"{HOSTILE}/1", "prose"),
            Occurrence("d.md", 2, "", 1, "2023-W02", "prose"),
        ],
    )
    return build_timeline(notes, [concept])


def data_block(page: str) -> str:
    blocks = re.findall(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_hostile_text_appears_only_inside_the_json_block_escaped():
    page = render_heatmap(hostile_timeline())
    block = data_block(page)
    assert "<" not in block and ">" not in block and "&" not in block
    outside = page.replace(block, "")
    for fragment in ("__pwned", "onerror", "<img", "<!--", "d.md"):
        assert fragment not in outside
    assert page.count("<script") == 2 and page.count("</script>") == 2
    data = json.loads(block)
    assert data["concepts"][0]["label"] == HOSTILE
    assert data["concepts"][0]["where"][f"{HOSTILE}/1"] == [[f"{HOSTILE}/w1.md", 4, HOSTILE]]


def test_the_page_makes_no_request_and_writes_text_only():
    page = render_heatmap(hostile_timeline())
    assert not re.search(r"""(src|href)\s*=|https?://|@import|url\(""", page.replace(data_block(page), ""))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page and "document.write" not in page


def test_embed_json_round_trips():
    value = {"a": "<\u2028>&'\"", "b": [1, "</script>"]}
    assert json.loads(embed_json(value)) == value


def test_data_columns_and_rows():
    data = heatmap_data(hostile_timeline())
    assert [(w["key"], w["label"], w["notes"]) for w in data["weeks"]] == [
        (f"{HOSTILE}/1", "1", 1),
        (f"{HOSTILE}/2", "2", 0),
        (f"{HOSTILE}/3", "3", 1),
        ("2023-W02", "02", 1),
    ]
    assert set(data["concepts"][0]["where"]) == {f"{HOSTILE}/1", "2023-W02"}
    assert data["maxCount"] == 1


def test_policy_allows_the_pages_own_script_and_style_by_hash_only():
    page = render_heatmap(hostile_timeline())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    directives = dict(part.strip().split(" ", 1) for part in policy[1].split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy[1] and "nonce" not in policy[1]
    scripts, styles = inline_hashes(page)
    assert directives["script-src"].split() == scripts and len(scripts) == 1  # the JSON block is data, not a script
    assert directives["style-src"].split() == styles and len(styles) == 1


@pytest.mark.parametrize(
    ("page", "scripts", "styles"),
    [
        ("<script>a()</script>", 1, 0),
        ('<script type="application/json">{"a": 1}</script>', 0, 0),
        ('<script src="x.js"></script>', 0, 0),
        ("<script type=module>b()</script><style>p{}</style>", 1, 1),
        ("<script>a()</script><script>a()</script>", 1, 0),  # one hash for the same text
    ],
)
def test_inline_hashes(page, scripts, styles):
    found = inline_hashes(page)
    assert (len(found[0]), len(found[1])) == (scripts, styles)
    assert all(h.startswith("'sha256-") and h.endswith("='") for h in found[0] + found[1])


def test_apply_policy_fills_the_placeholder_once():
    page = f'<meta content="{CSP_PLACEHOLDER}"><script>x()</script><p>{CSP_PLACEHOLDER}</p>'
    filled = apply_policy(page, "img-src data:")
    assert filled.startswith("<meta content=\"default-src 'none'; script-src 'sha256-")
    assert filled.endswith(f'; img-src data:"><script>x()</script><p>{CSP_PLACEHOLDER}</p>')


def calendar_timeline(weeks: list[str]) -> Timeline:
    """A calendar series with a note in each of `weeks` and one concept seen in all of them."""
    notes = [Note(path=f"{key}.md", week=WeekInfo(None, None, key, "date")) for key in weeks]
    concept = Concept(
        "c", "C", 1.0, len(weeks), occurrences=[Occurrence(f"{k}.md", 1, "", 1, k, "prose") for k in weeks]
    )
    return build_timeline(notes, [concept])


def test_a_stray_date_is_one_narrow_column_and_years_head_the_calendar():
    data = heatmap_data(calendar_timeline(["2020-W21", "2022-W36", "2022-W38", "2023-W01"]))
    columns = [(w["label"], w["group"], w.get("skipped")) for w in data["weeks"]]
    assert columns[:3] == [("21", "dated 2020", None), ("…", "dated 2020", 119), ("36", "dated 2022", None)]
    assert columns[-1] == ("01", "dated 2023", None)
    assert any("119 weeks without notes, 2020-W22 to 2022-W35" in said for said in data["leftOut"])
    assert [w["label"] for w in data["weeks"]] == ["21", "…", "36", "37", "38", "…", "01"]  # W39-W52: 14 empty


def test_columns_are_capped_and_the_page_says_which_were_left_out():
    mondays = [dt.date(2020, 1, 6) + dt.timedelta(weeks=i) for i in range(150)]
    keys = [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in mondays]
    data = heatmap_data(calendar_timeline(keys), max_columns=100)
    assert len(data["weeks"]) == 100 and data["weeks"][0]["key"] == keys[50]
    assert data["leftOut"] == [f"dated: the first 50 weeks ({keys[0]} to {keys[49]}), beyond 100 columns"]
