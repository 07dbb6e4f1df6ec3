"""Print pip constraints that pin each dependency to the lowest version pyproject.toml allows.

    python .ci/lowest_constraints.py [EXTRA ...] > lowest.txt     # EXTRA defaults to `test`
    pip install -c lowest.txt -e ".[test]" && python -m pytest

A lower bound in pyproject.toml says the suite passes with that version; `.ci/run` keeps it true by
running the suite a second time in a fresh venv built with these constraints. The constraints are
worked out from pyproject.toml each time, so a new dependency's bound is tested from its first run;
a dependency with no lower bound (`>=`, `~=` or `==`) is an error, as it has no lowest version.
Dependencies of the dependencies resolve as usual (newest allowed).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# name, optional [extras], specifiers, optional ; marker (PEP 508, as far as pyproject.toml uses it)
REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;.*)?")
LOWER_BOUND = re.compile(r"(?:>=|~=|==)\s*([^\s,]+)")


def lowest(requirements: list[str]) -> list[str]:
    pins = []
    for requirement in requirements:
        match = REQUIREMENT.fullmatch(requirement)
        if match is None:
            raise SystemExit(f"pyproject.toml: cannot read the requirement {requirement!r}")
        name, specifiers = match.groups()
        if name.lower() == "vaultgraph":  # an extra that includes another (`vaultgraph[test]`)
            continue
        bound = LOWER_BOUND.search(specifiers)
        if bound is None:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no lower bound to test")
        pins.append(f"{name}=={bound.group(1)}")
    return pins


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    extras = sys.argv[1:] or ["test"]
    requirements = project["dependencies"] + [r for extra in extras for r in project["optional-dependencies"][extra]]
    print("\n".join(lowest(requirements)))


if __name__ == "__main__":
    main()
