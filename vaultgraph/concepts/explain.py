"""What `concepts --explain TERM` reports: a `Candidate` (every term the vault names, kept or dropped,
with the parts of its score) and `describe(candidate)`, the lines that say why."""

from __future__ import annotations

from dataclasses import dataclass

from vaultgraph.concepts.field_words import FIELD_FREQUENCY, FIELD_WORDS
from vaultgraph.concepts.score import ECHO_DISCOUNT, KNOWN_BOOST, NAMED_BOOST, SPREAD_POWER, TERMHOOD_POWER, Evidence


@dataclass(frozen=True, slots=True)
class Candidate:
    """A concept before it is kept or dropped: what `concepts --explain` reports."""

    key: str
    label: str
    forms: list[str]
    count: int
    boilerplate: int
    notes: int
    weeks: int
    sources: dict[str, int]
    evidence: Evidence | None
    dropped: str | None
    """Why it is not a concept (None: it is one)."""


def describe(candidate: Candidate) -> list[str]:
    """Lines explaining a candidate's score or why it was dropped (for `concepts --explain`)."""
    lines = [f"{candidate.label}  (key: {candidate.key})"]
    if candidate.dropped:
        lines.append(f"  dropped: {candidate.dropped}")
    lines.append(f"  spellings: {', '.join(candidate.forms) or '-'}")
    lines.append(
        f"  {candidate.count} uses in {candidate.notes} notes and {candidate.weeks} weeks"
        + (f"; {candidate.boilerplate} more on boilerplate lines, not counted" if candidate.boilerplate else "")
    )
    if candidate.sources:
        lines.append("  sources: " + ", ".join(f"{s} {n}" for s, n in sorted(candidate.sources.items())))
    found = candidate.evidence
    if found is not None and candidate.count:
        lines.append(
            f"  score {found.score:.3f} = salience {found.salience:.2f} × termhood {found.termhood:.2f}^{TERMHOOD_POWER:g}"
            f" × spread {found.spread:.2f}^{SPREAD_POWER:g} × shape {found.shape:.2f}"
            + (f" × named {NAMED_BOOST:g}" if found.named else "")
            + (f" × known {KNOWN_BOOST:g}" if found.known else "")
            + (
                f" × echo {ECHO_DISCOUNT:g} ('{found.echoes}', one of its words, ranks above it)"
                if found.echoes
                else ""
            )
        )
        lines.append(
            f"  termhood = ln({found.vault_frequency:.2e} in this vault / {found.general_frequency:.2e} in general language)"
            + (
                f"; an everyday word of technical writing, taken as at least {FIELD_FREQUENCY:.0e}"
                if candidate.key in FIELD_WORDS
                else ""
            )
        )
    return lines
