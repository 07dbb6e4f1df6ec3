"""Find a note's date and the week it states itself (README, "Weeks").

This is the per-note half of week assignment, pure and cached with the parse; placing day notes and
side posts in the week of their series needs the whole vault and happens in `series.assign`.

Decisions (the rules every caller can rely on):

* Week sources, best first: front matter ``week:``; the title; the file name (stem); the front
  matter ``permalink`` (``/boostcamp/week0/``); the deepest folder named as a week (a notes repo's
  ``week2/day3.md``, ``Week 2 (9.26~9.30)/정리.md``); the first heading. Without any, the note's date
  as an ISO week (``week=None``). Concept notes get ``None``.
* Patterns, case-insensitive: ``N주차`` / ``N 주차``; ``week N``, ``Week-N``, ``week_N``, ``weekN``
  (letters may be glued on the left: ``aitechweek19``); ``wN`` / ``W03`` only as a standalone token
  (not ``w2v``, ``aw3``, nor the ``W38`` of ``2022-W38``); ``Nweeks`` / ``N weeks`` only in file
  names and permalinks (in prose "3 weeks" is a duration). A bare ``N주`` is *not* a week: "3주 동안"
  means "for three weeks", so only ``주차`` (ordinal) counts. ``4기`` (cohort) is never a week.
* Numbers glued to a date (``2022-09-19``) are never weeks. An explicit week (``N주차``, ``week N``,
  front matter) may be 0..999: week 0 is the onboarding week real camps have (``0주차``,
  ``aitechweek0``), and long-running series exist. The loose forms ``wN`` and ``Nweeks`` only
  1..60. Out of range, the match is skipped and the search goes on. The leftmost valid match wins.
* Day notes: a day number in the title (``N일차``, ``N~M일차``, ``Day N``, ``[Day 15-1]``) or the
  file name (the same, plus ``Ndays``, ``N~Mdays``, ``N(1)days``) gives ``WeekInfo.day`` (the first
  day of a range); a file named by its date alone (``Daily/2024-03-04.md``) is a day note with
  ``day=0``, and so is a "today I learned" note (``TIL - JVM 메모리 구조``, ``til-2024-03-12.md``).
  A day note may also state its week (``[Week 2 - Day 1]``).
* Series: front matter ``series``, then ``categories`` (first word of a string, first non-empty
  item of a list), then ``category``, then the last folder of the path, skipping Jekyll's
  ``_posts``/``_drafts`` and folders named as weeks (so ``blog/_posts/x.md`` -> ``blog``,
  ``_posts/x.md`` -> None, ``camp/week2/day3.md`` -> ``camp``, ``week2/day3.md`` -> None). Series are
  stripped and folded to lower case so ``Boostcamp`` and ``boostcamp`` are one series.
* Dates: front matter ``date`` (date, datetime, or a string ``YYYY-MM-DD`` / ``YYYY/MM/DD`` with an
  optional time and offset, read as written, not converted to UTC); otherwise a file name starting
  with ``YYYY-MM-DD-`` or named ``YYYY-MM-DD.md``. Nothing here raises on odd input.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vaultgraph.model import WeekInfo, WeekSource

__all__ = [
    "body_weeks",
    "day_in_text",
    "detect_week",
    "iso_week",
    "note_date",
    "note_moment",
    "week_in_text",
    "week_signals",
]

MIN_WEEK, MAX_WEEK, MIN_LOOSE_WEEK, MAX_LOOSE_WEEK = 0, 999, 1, 60
MIN_DAY, MAX_DAY = 1, 999
_LOOSE_GROUPS = frozenset({"w", "nw"})
_JEKYLL_DIRS = frozenset({"_posts", "_drafts"})

_DATE_STRING = re.compile(
    r"\s*([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?:[T\s]+(?:([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?.*)?", re.S
)
_DATE_PREFIX = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:-|$)")
_DATE_STEM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# "Today I learned": a day's note by another name (`TIL - JVM 메모리 구조`, `til-2024-03-12.md`).
_TIL = re.compile(r"(?<![^\W_])(?:til|today i learned)(?![^\W_])", re.I)

# A number is not a week when it continues a date or another number ("2022-09-19", "1.5").
_NOT_IN_DATE = r"(?<![0-9])(?<![0-9][-_./])"
_KOREAN = _NOT_IN_DATE + r"(?P<ko>[0-9]+)[ ]?주차"
_WEEK_N = r"week[ _\-.]*(?P<en>[0-9]+)"
_W_N = r"(?<![^\W_])(?<![0-9]{4}-)w(?P<w>[0-9]+)(?![^\W_])"
_N_WEEKS = _NOT_IN_DATE + r"(?P<nw>[0-9]+)[ _\-]?weeks?(?![^\W_])"
_TITLE_RE = re.compile("|".join((_KOREAN, _WEEK_N, _W_N)), re.I)
_FILENAME_RE = re.compile("|".join((_KOREAN, _WEEK_N, _W_N, _N_WEEKS)), re.I)
_FRONT_MATTER_WEEK = re.compile(r"\s*(?:week|w)?[ _\-.]*([0-9]+)\s*(?:주차)?\s*", re.I)
# What a weekly note's prose says of itself: "이번 3주차는", "this is week 3". A week named in
# passing ("2주차에 배운 hook") is another week's, not this note's.
_BODY_RE = re.compile(r"이번\s*(?P<ko>[0-9]+)\s*주차|\bthis is week\s*(?P<en>[0-9]+)", re.I)

_RANGE = r"(?:\s*[~\-]\s*[0-9]+|\([0-9]+\))?"
_DAY_KOREAN = _NOT_IN_DATE + r"(?P<ko>[0-9]+)" + _RANGE + r"\s*일차"
_DAY_N = r"(?<![^\W\d_])day[ _\-.]*(?P<en>[0-9]+)"
_N_DAYS = _NOT_IN_DATE + r"(?P<nd>[0-9]+)" + _RANGE + r"[ _\-]?days?(?![^\W_])"
_DAY_TITLE_RE = re.compile("|".join((_DAY_KOREAN, _DAY_N)), re.I)
_DAY_FILENAME_RE = re.compile("|".join((_DAY_KOREAN, _DAY_N, _N_DAYS)), re.I)


def _valid(number: int, low: int, high: int) -> int | None:
    return number if low <= number <= high else None


def _parse_date_string(text: str) -> dt.date | None:
    moment = _parse_moment_string(text)
    return moment.date() if moment is not None else None


def _parse_moment_string(text: str) -> dt.datetime | None:
    match = _DATE_STRING.fullmatch(text)
    if not match:
        return None
    try:
        day = dt.datetime(int(match[1]), int(match[3]), int(match[4]))
        if match[5] is not None:
            return day.replace(hour=int(match[5]), minute=int(match[6]), second=int(match[7] or 0))
    except ValueError:
        return None
    return day


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


def note_moment(front_matter: dict, date: dt.date) -> dt.datetime | None:
    """The time of day of front matter ``date`` on `date`, as written (no time zone); None without one.

    Two posts of one day (a weekly note written on Monday morning, that day's notes in the evening)
    are told apart by it.
    """
    value: Any = front_matter.get("date") if isinstance(front_matter, dict) else None
    if isinstance(value, str):
        value = _parse_moment_string(value)
    if not isinstance(value, dt.datetime) or value.date() != date or value.time() == dt.time():
        return None  # no time, or midnight: a date written as a datetime, not the hour of writing
    return value.replace(tzinfo=None)


def iso_week(date: dt.date | None) -> str | None:
    """``YYYY-Www`` for a date, using the ISO year (2021-01-01 -> ``2020-W53``)."""
    if date is None:
        return None
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def _first_number(pattern: re.Pattern[str], text: str, low: int, high: int, loose_high: int = 0) -> int | None:
    for match in pattern.finditer(text):
        group = match.lastgroup or ""
        loose = group in _LOOSE_GROUPS
        number = _valid(int(match[group]), MIN_LOOSE_WEEK if loose else low, loose_high if loose else high)
        if number is not None:
            return number
    return None


def _without_date(stem: str) -> str:
    return _DATE_PREFIX.sub("", stem, count=1) if _DATE_PREFIX.match(stem) else stem


def week_in_text(text: str, *, filename: bool = False) -> int | None:
    """The first valid week number written in a title (or, with ``filename``, a file stem or permalink)."""
    if not isinstance(text, str) or not text:
        return None
    if filename:
        text = _without_date(text)
    return _first_number(_FILENAME_RE if filename else _TITLE_RE, text, MIN_WEEK, MAX_WEEK, MAX_LOOSE_WEEK)


def day_in_text(text: str, *, filename: bool = False) -> int | None:
    """The day number of a day note's title (``15일차``, ``Day 3``) or file stem (also ``20~21days``)."""
    if not isinstance(text, str) or not text:
        return None
    if filename:
        text = _without_date(text)
    return _first_number(_DAY_FILENAME_RE if filename else _DAY_TITLE_RE, text, MIN_DAY, MAX_DAY)


def body_weeks(text: str) -> list[tuple[int, int]]:
    """(week, offset) of each place where prose says which week it is ("이번 3주차는")."""
    if "주차" not in text and "eek" not in text and "EEK" not in text:
        return []  # most prose, and lint asks of every paragraph
    found = []
    for match in _BODY_RE.finditer(text):
        week = _valid(int(match["ko"] or match["en"]), MIN_WEEK, MAX_WEEK)
        if week is not None:
            found.append((week, match.start()))
    return found


def _front_matter_week(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _valid(value, MIN_WEEK, MAX_WEEK)
    if isinstance(value, float) and value.is_integer():
        return _valid(int(value), MIN_WEEK, MAX_WEEK)
    if isinstance(value, str):
        match = _FRONT_MATTER_WEEK.fullmatch(value)
        return _valid(int(match[1]), MIN_WEEK, MAX_WEEK) if match else None
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
        if folder not in _JEKYLL_DIRS and week_in_text(folder, filename=True) is None:
            return folder.strip().lower()
    return None


def _folder_week(path: str) -> int | None:
    """The week the deepest week-named folder of `path` states (`week2/day3.md`, `Week 2 (9.26~9.30)/x.md`)."""
    for folder in reversed((path or "").split("/")[:-1]):
        week = week_in_text(folder, filename=True)
        if week is not None:
            return week
    return None


def week_signals(path: str, title: str, front_matter: dict, heading: str | None = None) -> list[tuple[WeekSource, int]]:
    """Every week the note states of itself outside its prose, best source first (see the module docstring)."""
    fm = front_matter if isinstance(front_matter, dict) else {}
    permalink = fm.get("permalink")
    found: list[tuple[WeekSource, int | None]] = [
        ("front-matter", _front_matter_week(fm.get("week"))),
        ("title", week_in_text(title)),
        ("filename", week_in_text(_stem(path or ""), filename=True)),
        ("permalink", week_in_text(permalink, filename=True) if isinstance(permalink, str) else None),
        ("folder", _folder_week(path)),
        ("heading", week_in_text(heading) if isinstance(heading, str) else None),
    ]
    return [(source, week) for source, week in found if week is not None]


def _day(path: str, title: str) -> int | None:
    stem = _stem(path or "")
    if _DATE_STEM.fullmatch(stem) or _TIL.search(stem) or (isinstance(title, str) and _TIL.search(title)):
        return 0
    day = day_in_text(title)
    return day if day is not None else day_in_text(stem, filename=True)


def detect_week(
    path: str, title: str, front_matter: dict, date: dt.date | None, heading: str | None = None
) -> WeekInfo | None:
    """The series and week a note states, or its date's ISO week; None for notes with neither.

    ``date`` is the note's date (see `note_date`); it fills ``iso_week`` whatever the source.
    ``heading`` is the text of the note's first heading.
    """
    fm = front_matter if isinstance(front_matter, dict) else {}
    series = _series(path, fm)
    iso = iso_week(date) if isinstance(date, dt.date) else None
    day = _day(path, title)
    signals = week_signals(path, title, fm, heading)
    if signals:
        source, week = signals[0]
        return WeekInfo(series=series, week=week, iso_week=iso, source=source, day=day)
    if iso is not None:
        return WeekInfo(series=series, week=None, iso_week=iso, source="date", day=day)
    return None
