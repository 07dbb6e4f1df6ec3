"""Find a note's date and the weekly series/week it belongs to (DESIGN.md §3, "Weeks and series").

Decisions (the rules every caller can rely on):

* Week sources, best first: front matter ``week:``; a pattern in the title; a pattern in the file
  name (stem); the note's date as an ISO week (``week=None``). Concept notes get ``None``.
* Patterns, case-insensitive: ``N주차`` / ``N 주차``; ``week N``, ``Week-N``, ``week_N``, ``weekN``
  (letters may be glued on the left: ``aitechweek19``); ``wN`` / ``W03`` only as a standalone token
  (not ``w2v``, ``aw3``, nor the ``W38`` of ``2022-W38``); ``Nweeks`` / ``N weeks`` only in file
  names (in prose "3 weeks" is a duration). A bare ``N주`` is *not* a week: "3주 동안" means "for
  three weeks", so only ``주차`` (ordinal) counts. ``4기`` (cohort) is never a week.
* Numbers glued to a date (``2022-09-19``) are never weeks. An explicit week (``N주차``, ``week N``,
  front matter) may be 1..999 (long-running series exist); the loose forms ``wN`` and ``Nweeks``
  only 1..60. Out of range, the match is skipped and the search goes on. The leftmost valid match in a text wins.
* Series: front matter ``series``, then ``categories`` (first word of a string, first non-empty
  item of a list), then ``category``, then the last folder of the path, skipping Jekyll's
  ``_posts``/``_drafts`` (so ``blog/_posts/x.md`` -> ``blog``, ``_posts/x.md`` -> None). Series are
  stripped and folded to lower case so ``Boostcamp`` and ``boostcamp`` are one series.
* Dates: front matter ``date`` (date, datetime, or a string ``YYYY-MM-DD`` / ``YYYY/MM/DD`` with an
  optional time and offset, read as written, not converted to UTC); otherwise a file name starting
  with ``YYYY-MM-DD-`` or named ``YYYY-MM-DD.md``. Nothing here raises on odd input.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vaultgraph.model import WeekInfo

__all__ = ["detect_week", "iso_week", "note_date", "week_in_text"]

MIN_WEEK, MAX_WEEK, MAX_LOOSE_WEEK = 1, 999, 60
_LOOSE_GROUPS = frozenset({"w", "nw"})
_JEKYLL_DIRS = frozenset({"_posts", "_drafts"})

_DATE_STRING = re.compile(r"\s*([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?:[T\s].*)?", re.S)
_DATE_PREFIX = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:-|$)")

# A number is not a week when it continues a date or another number ("2022-09-19", "1.5").
_NOT_IN_DATE = r"(?<![0-9])(?<![0-9][-_./])"
_KOREAN = _NOT_IN_DATE + r"(?P<ko>[0-9]+)[ ]?주차"
_WEEK_N = r"week[ _\-.]*(?P<en>[0-9]+)"
_W_N = r"(?<![^\W_])(?<![0-9]{4}-)w(?P<w>[0-9]+)(?![^\W_])"
_N_WEEKS = _NOT_IN_DATE + r"(?P<nw>[0-9]+)[ _\-]?weeks?(?![^\W_])"
_TITLE_RE = re.compile("|".join((_KOREAN, _WEEK_N, _W_N)), re.I)
_FILENAME_RE = re.compile("|".join((_KOREAN, _WEEK_N, _W_N, _N_WEEKS)), re.I)
_FRONT_MATTER_WEEK = re.compile(r"\s*(?:week|w)?[ _\-.]*([0-9]+)\s*(?:주차)?\s*", re.I)


def _valid_week(number: int, highest: int = MAX_WEEK) -> int | None:
    return number if MIN_WEEK <= number <= highest else None


def _parse_date_string(text: str) -> dt.date | None:
    match = _DATE_STRING.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name


def note_date(path: str, front_matter: dict) -> dt.date | None:
    """The note's date: front matter ``date`` if it reads as a date, else a date file-name prefix.

    A timezone-aware datetime keeps the calendar date it was written with.
    """
    value: Any = front_matter.get("date") if isinstance(front_matter, dict) else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = _parse_date_string(value)
        if parsed is not None:
            return parsed
    match = _DATE_PREFIX.match(_stem(path or ""))
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def iso_week(date: dt.date | None) -> str | None:
    """``YYYY-Www`` for a date, using the ISO year (2021-01-01 -> ``2020-W53``)."""
    if date is None:
        return None
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def week_in_text(text: str, *, filename: bool = False) -> int | None:
    """The first valid week number written in a title (or, with ``filename``, a file stem)."""
    if not isinstance(text, str) or not text:
        return None
    if filename:
        text = _DATE_PREFIX.sub("", text, count=1) if _DATE_PREFIX.match(text) else text
    pattern = _FILENAME_RE if filename else _TITLE_RE
    for match in pattern.finditer(text):
        group = match.lastgroup or ""
        week = _valid_week(int(match[group]), MAX_LOOSE_WEEK if group in _LOOSE_GROUPS else MAX_WEEK)
        if week is not None:
            return week
    return None


def _front_matter_week(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _valid_week(value)
    if isinstance(value, float) and value.is_integer():
        return _valid_week(int(value))
    if isinstance(value, str):
        match = _FRONT_MATTER_WEEK.fullmatch(value)
        return _valid_week(int(match[1])) if match else None
    return None


def _first_word(value: Any) -> str | None:
    """First word of a string, or first non-empty string item of a list, lower-cased."""
    if isinstance(value, str):
        words = value.split()
        return words[0].lower() if words else None
    if isinstance(value, (list, tuple)):
        for item in value:
            word = _first_word(item)
            if word:
                return word
    return None


def _series(path: str, front_matter: dict) -> str | None:
    series = front_matter.get("series")
    if isinstance(series, str) and series.strip():
        return series.strip().lower()
    if isinstance(series, (list, tuple)):
        found = _first_word(series)
        if found:
            return found
    for key in ("categories", "category"):
        found = _first_word(front_matter.get(key))
        if found:
            return found
    folders = [part for part in (path or "").split("/")[:-1] if part.strip()]
    for folder in reversed(folders):
        if folder not in _JEKYLL_DIRS:
            return folder.strip().lower()
    return None


def detect_week(path: str, title: str, front_matter: dict, date: dt.date | None) -> WeekInfo | None:
    """Which series and week a note belongs to, or None for notes with neither week nor date.

    ``date`` is the note's date (see `note_date`); it fills ``iso_week`` whatever the source.
    """
    fm = front_matter if isinstance(front_matter, dict) else {}
    series = _series(path, fm)
    iso = iso_week(date) if isinstance(date, dt.date) else None
    week = _front_matter_week(fm.get("week"))
    if week is not None:
        return WeekInfo(series=series, week=week, iso_week=iso, source="front-matter")
    week = week_in_text(title)
    if week is not None:
        return WeekInfo(series=series, week=week, iso_week=iso, source="title")
    week = week_in_text(_stem(path or ""), filename=True)
    if week is not None:
        return WeekInfo(series=series, week=week, iso_week=iso, source="filename")
    if iso is not None:
        return WeekInfo(series=series, week=None, iso_week=iso, source="date")
    return None
