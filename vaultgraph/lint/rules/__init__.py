"""One module per rule. Each module defines CODE, NAME, SEVERITY, a docstring that is the rule's
documentation, and `check(note, ctx)` (one note) or `check_vault(vault, ctx)` (the whole vault),
yielding `Finding`s. Optional: ENABLED (default True), FIX ("safe" or "unsafe"), OPTIONS
(option name -> default value; the config is validated against these)."""
