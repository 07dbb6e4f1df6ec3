"""Ordering and naming week keys (`SERIES/N`, `YYYY-Www`) for the graph and the map."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)  # a vault has few weeks, sorted again for every one of its nodes
def week_sort_key(key: str) -> tuple[int, str, int]:
    """Series weeks by series then number (`b/2` before `b/10`); ISO weeks after them, by date."""
    series, _, number = key.rpartition("/")
    if series and number.isdigit():
        return (0, series, int(number))
    return (1, key, 0)


def week_label(key: str) -> str:
    """`boostcamp/2` -> `boostcamp week 2`; an ISO week stays as it is."""
    series, _, number = key.rpartition("/")
    return f"{series} week {number}" if series and number.isdigit() else key
