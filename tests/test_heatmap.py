"""The heatmap page: self-contained, and note content only as escaped JSON data (static checks)."""

from __future__ import annotations

import json
import re

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.render.heatmap import embed_json, heatmap_data, render_heatmap
from vaultgraph.series.timeline import build_timeline

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
