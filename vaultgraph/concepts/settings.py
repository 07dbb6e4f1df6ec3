"""The `[concepts]` config table, validated when the config is loaded.

```toml
[concepts]
min-count = 2                      # drop concepts seen fewer times (default 1)
top = 0                            # default for `--top` (0: all)
stopwords = ["genielabs"]          # extra words that are never concepts
[concepts.glossary]                # your own names: label = [aliases]
"Batch Normalization" = ["batchnorm", "BN"]
```
Aliases are compared the way terms are (`variant_key`), so `batch-norm` and `batchnorm` are the
same alias; one alias under two labels is an error naming both.
"""

from __future__ import annotations

from typing import Any

from vaultgraph.concepts.normalize import fold, variant_key
from vaultgraph.config import ConfigError
from vaultgraph.unicode import nfc

DEFAULTS: dict[str, Any] = {"glossary": {}, "stopwords": [], "min-count": 1, "top": 0}


def validate(table: Any, where: str) -> dict[str, Any]:
    """Check the `[concepts]` table (`where` is `FILE: concepts`); return it with defaults filled in."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    result = dict(DEFAULTS)
    for key, value in table.items():
        here = f"{where}.{key}"
        if key == "glossary":
            result["glossary"] = _glossary(value, here)
        elif key == "stopwords":
            result["stopwords"] = [fold(word) for word in _strings(value, here)]
        elif key in ("min-count", "top"):
            if isinstance(value, bool) or not isinstance(value, int) or value < (1 if key == "min-count" else 0):
                raise ConfigError(f"{here}: expected an integer >= {1 if key == 'min-count' else 0}, got {value!r}")
            result[key] = value
        else:
            raise ConfigError(
                f"{here}: unknown key (known keys: {', '.join(sorted(DEFAULTS))}; "
                "glossary entries go under [concepts.glossary])"
            )
    return result


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return [nfc(item.strip()) for item in value]


def _glossary(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of "Label" = ["alias", ...]')
    glossary: dict[str, list[str]] = {}
    owner: dict[str, str] = {}  # variant key -> the label it belongs to
    for label, aliases in value.items():
        here = f"{where}.{label}"
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"{where}: a glossary label must be a non-empty string")
        if not isinstance(aliases, list):
            raise ConfigError(f'{here}: expected a list of aliases like ["batchnorm", "BN"], got {aliases!r}')
        names = _strings(aliases, here)
        for name in (label, *names):
            key = variant_key(name)
            if owner.get(key, label) != label:
                raise ConfigError(f"{where}: {name!r} is listed under both {owner[key]!r} and {label!r}")
            owner[key] = label
        glossary[nfc(label.strip())] = names
    return glossary
