"""One module per rule. Each module defines CODE, NAME, SEVERITY, a docstring that is the rule's
documentation, and `check(note, ctx)` (one note) or `check_vault(vault, ctx)` (the whole vault),
yielding `Finding`s. Optional: ENABLED (default True), FIX ("safe" or "unsafe"), OPTIONS
(option name -> default value; the config is validated against these), and
`validate_options(options, where) -> options` for values the shape of the defaults cannot judge (a
regex, a type name): it raises `ConfigError("{where}.option: what is wrong")`, and config.py calls it.
A `check` rule should declare SCOPE: "note" when it reads only its note (its `ctx.vault` raises),
"links" when it also resolves the note's links; its findings are then reused while the note (and
for "links", every note's headings and block ids) is unchanged (`vaultgraph.lint.memo`). Without
SCOPE a rule is checked again on every run.
VG007 (unused-suppression) has no `check`: the engine runs it last, on the suppressions' `used` flags.
Modules starting with `_` are shared helpers, not rules. Each rule has its cases in
`tests/rule_cases/<CODE>.yml`."""
