"""Per-note candidate terms: `extract_terms(note) -> list[Term]`, called by `vault.note.load_note`.

It depends on nothing but the note (no config, no other notes), so its result is cached with the
parse. Sources, each a `Term.source`:

* `link`: wikilink and Markdown link targets (the builder resolves them to the target note's title);
  attachments (`![[x.png]]`) are skipped.
* `title`: the note's title (front matter `title`, else its first H1, else its file name): the
  author's own name for what the note is about.
* `tag`: inline and front matter tags. `front-matter`: values of `aliases` and `concepts` (never
  the keys, nor other properties; `categories` are the blog's filing, series names, not concepts).
* `strong` / `mark`: a bold, italic or `==highlighted==` span that is one term on its own
  (`**batchnorm**`); a bold sentence is read as prose.
* `heading`: section headings below the title (level 1 is the note's title, not a concept).
* `quote`: the text of a Markdown link (`[JPA N+1 문제](/posts/n-plus-one/)`), read like prose; a blog
  quotes its other posts' titles this way, which is no fresh evidence that a title's words belong together.
* `prose` / `verb`: runs of adjacent Latin-script words (`KL divergence`, `Monte-Carlo`, `d2l.ai`,
  `time-step`), with a glued Korean particle split off at the script boundary (`lstm이` -> `lstm`);
  a run glued to a light verb (`update할`) is `verb`. Korean nouns come from `korean.tokenizer()`.

* `abbreviation`: no occurrence, but a pair of spellings the author wrote for one concept, as
  `A (B)`: an acronym and its phrase (`Matrix Factorization (MF)`, `MF (Matrix Factorization)`:
  the acronym's letters spell the phrase from its first word's initial, in order, as Schwartz and
  Hearst's abbreviation rule has it; words written as a list, `ETL (Extract, Transform, Load)`, are
  read as the phrase `Extract Transform Load` when their initials are the acronym) or a Korean noun run and its English gloss
  (`경사하강법(gradient descent)`, `Semantic Segmentation (의미 분할)`).

Code, math and comments never reach here (they are not `Segment`s); URLs are cut out of the text,
and so are HTML tags, Liquid (`{% raw %}`, `{{ name }}`) and kramdown attribute lists
(`{: data-toc-skip='' }`): markup, not words.
Runs are kept whole: deciding whether `python clean code` is one concept or `python` + `clean code`
needs the whole vault, so `build` does it.
"""

from __future__ import annotations

import bisect
import re

from vaultgraph.concepts.korean import tokenizer
from vaultgraph.concepts.normalize import fold, has_hangul, is_verb_tail
from vaultgraph.concepts.stopwords import COLLECTION_WORDS, SITE_PAGES, is_filler
from vaultgraph.model import Note, Segment, Term, TermSource
from vaultgraph.parse.frontmatter import string_list
from vaultgraph.parse.lines import conflict_markers

# The look-behinds make each match start at a word start, keeping the scan linear on long words.
_URL = re.compile(
    r"(?<![A-Za-z0-9+.\-])(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)\S+"
    r"|(?<![\w.+\-])[\w.+\-]+@[\w\-]+\.[\w.\-]+"
)
_CALLOUT = re.compile(r"^\s*\[![\w-]+\][+-]?")  # an Obsidian callout's type (`> [!question]`) is markup
_MARKUP = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{:[^}]*\}|</?[A-Za-z][^<>]*>")  # Liquid, kramdown IALs, HTML tags
_GLOSS = re.compile(r"\(([^()]{1,80})\)")
_LIST_PUNCTUATION = re.compile(r"[,;/·:=+]")
# An acronym and its words as a list: `ETL (Extract, Transform, Load)`, `ELT(Extract → Load → Transform)`, `CRUD
# (Create, Read, Update and Delete)`; each word one capitalised or lower-case word, so `SOLID (SRP, OCP, …)` is no
# expansion but five names.
_LISTED = r"\s*(?:,|→|->|/|·|\band\b|&)\s*"
_EXPANSION = re.compile(rf"\b([A-Z]{{2,6}})\s*\(([A-Za-z][a-z]+(?:{_LISTED}[A-Za-z][a-z]+){{1,5}})\)")
_EXPANSION_SEPARATOR = re.compile(_LISTED)
MAX_GLOSS_WORDS = 4
_MARK = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
# A Latin-script word (inner `.`, `-`, `_`, `&`, `+`, `@` allowed: `d2l.ai`, `W&B`, `C++`, `Recall@10`; a leading `@`
# before a capital: the annotation `@Transactional`, the property wrapper `@Published`) and any Hangul glued after
# it; or a run of spaces; or any other character, which ends a run of words.
_PIECE = re.compile(
    r"(?P<word>(?:@(?=[A-Z]))?[A-Za-z0-9]+(?:[.\-_&+@][A-Za-z0-9]+)*(?:\+\+)?)(?P<tail>[\uac00-\ud7a3]*)"
    r"|(?P<space>[ \t]+)|(?P<other>[^A-Za-z0-9 \t]+)"
)
MAX_RUN = 16  # words; a longer run is text in English, cut into pieces the builder splits further
MAX_WORD = 64  # longer "words" are hashes, base64 or junk, never a term
_HAS_LETTER = re.compile(r"[A-Za-z]")
_ATTACHMENT = frozenset(
    "png jpg jpeg gif svg webp bmp tif tiff pdf mp3 mp4 m4a wav ogg webm mov avi mkv csv xlsx docx pptx zip".split()
)
_STRONG_KINDS = frozenset({"strong", "emphasis", "mark"})


def latin_runs(text: str) -> list[tuple[str, bool]]:
    """Runs of adjacent Latin-script words in `text`: (`KL divergence`, is_verb) in order.

    A run ends at punctuation, at Hangul, at a number standing alone, and after a word with a
    Korean tail glued on (`lstm이`); `is_verb` is true when that tail is a light verb (`update할`).
    """
    runs: list[tuple[str, bool]] = []
    words: list[str] = []
    for match in _PIECE.finditer(text):
        word = match.group("word")
        if match.group("space"):
            continue
        if match.group("other") == "&" and words and words[-1] != "&":
            words.append("&")  # `Wide & Deep`, `Weights & Biases`: one name
            continue
        if word and len(word) <= MAX_WORD and _HAS_LETTER.search(word):
            words.append(word)
            tail = match.group("tail")
            if tail or len(words) == MAX_RUN:
                runs.append((" ".join(words), is_verb_tail(tail)))
                words = []
            continue
        _close_run(runs, words)
        words = []
    _close_run(runs, words)
    return runs


def _close_run(runs: list[tuple[str, bool]], words: list[str]) -> None:
    while words and words[-1] == "&":
        words.pop()
    if words:
        runs.append((" ".join(words), False))


def chunks(text: str) -> list[tuple[str, bool]]:
    """All candidate runs of one piece of prose: Latin runs, then Korean noun runs."""
    found = latin_runs(text) if _HAS_LETTER.search(text) else []
    if not text.isascii():
        found.extend((" ".join(run), False) for run in _without_filler(tokenizer().term_runs(text)))
    return found


def _without_filler(runs: list[list[str]]) -> list[list[str]]:
    """Korean noun runs split at filler nouns (`잘 이해`, `공부 시간`), which name nothing together either."""
    kept: list[list[str]] = []
    for run in runs:
        piece: list[str] = []
        for noun in run:
            if is_filler(fold(noun)):
                kept.extend([piece] if piece else [])
                piece = []
            else:
                piece.append(noun)
        kept.extend([piece] if piece else [])
    return kept


def extract_terms(note: Note) -> list[Term]:
    """Every candidate term of `note`, in source order within each kind of source."""
    terms: list[Term] = []
    _front_matter_terms(note, terms)
    _title_terms(note, terms)
    places = _Places(note)
    for tag in note.tags:
        if tag.source == "inline":
            terms.append(Term(tag.name, tag.line, places.block(tag.line), places.section(tag.line), "tag"))
    shown: set[tuple[int, str]] = set()
    for link in note.links:
        if link.kind == "wikilink":
            shown.add((link.span.line, link.display or link.target))
        target = link.target
        if not target or target.rsplit(".", 1)[-1].lower() in _ATTACHMENT:
            continue
        line = link.span.line
        terms.append(Term(target, line, places.block(line), places.section(line), "link"))
    title_lines = {h.line for h in note.headings if h.level == 1}
    conflict = set(conflict_markers(note.text))  # `<<<<<<< HEAD`, `>>>>>>> 07044db`: git's, not the author's
    for segment in note.segments:
        if segment.line in conflict:
            continue
        if segment.kind == "link-text" and (segment.line, segment.text) in shown:
            continue  # the wikilink itself was taken above
        if segment.kind == "heading" and segment.line in title_lines:
            continue
        _segment_terms(segment, terms)
    return terms


def _front_matter_terms(note: Note, terms: list[Term]) -> None:
    lines = note.front_matter_lines
    for tag in note.tags:
        if tag.source == "frontmatter":
            terms.append(Term(tag.name, tag.line, 0, "", "tag"))
    for alias in note.aliases:
        terms.append(Term(alias, lines.get("aliases", lines.get("alias", 1)), 0, "", "front-matter"))
    for key in ("concepts",):
        for value in string_list(note.front_matter.get(key)):
            terms.append(Term(value, lines.get(key, 1), 0, "", "front-matter"))


def _title_terms(note: Note, terms: list[Term]) -> None:
    if not note.title or (note.title == note.stem and note.stem.casefold() in COLLECTION_WORDS | SITE_PAGES):
        return  # `1주차/README.md` with no heading: a folder's page, whose file name names nothing
    first_h1 = next((h.line for h in note.headings if h.level == 1), 1)
    line = note.front_matter_lines.get("title", first_h1)
    terms.extend(Term(run, line, 0, "", "title") for run, _ in chunks(_MARKUP.sub(" ", note.title)))


def _segment_terms(segment: Segment, terms: list[Term]) -> None:
    text = _URL.sub(" ", _CALLOUT.sub(" ", segment.text))
    if "{" in text or "<" in text:
        text = _MARKUP.sub(" , ", text)
    if "(" in text:
        text = _EXPANSION.sub(_spelled_list, text)
        terms.extend(Term(pair, segment.line, segment.block, segment.section, "abbreviation") for pair in _pairs(text))
    line, block, section = segment.line, segment.block, segment.section
    if "==" in text:
        for match in _MARK.finditer(text):
            terms.extend(Term(run, line, block, section, "mark") for run, _ in chunks(match.group(1)))
        text = _MARK.sub(" , ", text)
    found = chunks(text)
    if segment.kind in _STRONG_KINDS and len(found) == 1:
        terms.append(Term(found[0][0], line, block, section, "strong"))
        return
    base: TermSource = "heading" if segment.kind == "heading" else "quote" if segment.kind == "link-text" else "prose"
    terms.extend(Term(run, line, block, section, "verb" if verb else base) for run, verb in found)


def _spelled_list(match: re.Match[str]) -> str:
    """`ETL (Extract, Transform, Load)` -> `ETL (Extract Transform Load)`: an acronym's words written as a
    list are its expansion, one phrase (which `_pairs` then joins to it), not three concepts."""
    words = [word for word in _EXPANSION_SEPARATOR.split(match.group(2)) if word]  # `and` may be one of them
    if "".join(word[0] for word in words).upper() != match.group(1):
        return match.group()
    return f"{match.group(1)} ({' '.join(words)})"


def title_gloss(title: str) -> tuple[str, str] | None:
    """(`DPR`, `Dense Passage Retrieval`) for a title that is an acronym and its phrase, either way
    round (`DPR (Dense Passage Retrieval)`); None for any other title: a remark (`Adam (예전)`) or a
    translation, which only the whole vault can tell from a remark (`merge.believed_pairs`)."""
    match = _GLOSS.search(title)
    if match is None or match.end() != len(title.rstrip()):
        return None
    head, inner = title[: match.start()].strip(), match.group(1).strip()
    pair = _acronym_pair(head, inner) if head and not has_hangul(head + inner) else None
    if pair is None or {fold(pair[0]), fold(pair[1])} != {fold(head), fold(inner)}:
        return None  # the acronym spells only the end of the head: `Intro to Dense Passage Retrieval (DPR)`
    return (head, inner)


def _pairs(text: str) -> list[str]:
    """`A (B)` pairs of one concept's spellings in `text` (see the module docstring)."""
    found = []
    for match in _GLOSS.finditer(text):
        inner = match.group(1).strip()
        head = text[: match.start()].rstrip()
        if not head or not inner or _LIST_PUNCTUATION.search(inner):
            continue
        inside = chunks(inner)
        if len(inside) != 1 or len(inside[0][0].split()) != len(inner.split()):
            continue  # a list, a date, a remark (`또는 데이터 레이크`): not one name
        gloss = inside[0][0]
        pair = _gloss_pair(head, gloss) if has_hangul(head[-1]) != has_hangul(gloss) else _acronym_pair(head, gloss)
        if pair is not None:
            found.append(f"{pair[0]} ({pair[1]})")
    return found


def _gloss_pair(head: str, gloss: str) -> tuple[str, str] | None:
    """A Korean noun run and its English gloss, or the other way round."""
    if has_hangul(head[-1]):
        words = head.split()
        runs = tokenizer().noun_runs(" ".join(words[-MAX_GLOSS_WORDS:]))
        if not runs or not words[-1].startswith(runs[-1][-1]):
            return None
        before = words[: len(words) - len(runs[-1])]
        if before and has_hangul(before[-1][-1]):
            return None  # `확률적 경사하강법(SGD)`: the run is one part of a longer name
        named = " ".join(runs[-1])
    else:
        runs_latin = latin_runs(head)
        if not runs_latin or not head.endswith(runs_latin[-1][0].split()[-1]):
            return None
        named = runs_latin[-1][0]
    if len(named.split()) > MAX_GLOSS_WORDS or len(gloss.split()) > MAX_GLOSS_WORDS:
        return None
    return named, gloss


def _acronym_pair(head: str, inner: str) -> tuple[str, str] | None:
    """An acronym and the phrase whose initials it spells, either one in the parentheses."""
    runs = latin_runs(head)
    if not runs or not head.endswith(runs[-1][0].split()[-1]):
        return None
    words = runs[-1][0].split()
    if len(inner.split()) == 1 and _is_acronym(inner):
        phrase = _spelled_by(inner, words)
        return (inner, " ".join(phrase)) if phrase else None
    if _is_acronym(words[-1]) and len(inner.split()) >= 2:
        return (words[-1], inner) if _spelled_by(words[-1], inner.split()) == inner.split() else None
    return None


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2 and len(word) <= 10


def _spelled_by(acronym: str, words: list[str]) -> list[str] | None:
    """The shortest tail of `words` whose first word starts with the acronym's first letter and
    that holds all its letters in order (Schwartz and Hearst, 2003), or None."""
    letters = [ch for ch in acronym.casefold() if ch.isalnum()]
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if len(tail) < 2 or not tail[0].casefold().startswith(letters[0]):
            continue
        rest = iter(" ".join(tail).casefold()[1:])
        if all(ch in rest for ch in letters[1:]) and len(tail) <= len(letters) + 2:
            return tail
    return None


class _Places:
    """Block and section of a line, for terms (tags, links) that do not come from a segment."""

    def __init__(self, note: Note):
        self._blocks: dict[int, int] = {}
        for segment in note.segments:
            self._blocks.setdefault(segment.line, segment.block)
        self._heading_lines = [h.line for h in note.headings]
        self._heading_texts = [h.text for h in note.headings]

    def block(self, line: int) -> int:
        return self._blocks.get(line, 0)

    def section(self, line: int) -> str:
        index = bisect.bisect_right(self._heading_lines, line) - 1
        return self._heading_texts[index] if index >= 0 else ""
